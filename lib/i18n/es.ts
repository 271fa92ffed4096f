import type { Messages } from './en';
import { exportEs } from './export.es';
import { insightsEs } from './insights.es';
import { relationshipEs } from './relationship.es';
import { votingEs } from './voting.es';
import { workshopEs } from './workshop.es';
import { reviewEs } from './review.es';

/**
 * Spanish interface strings. Typed as Messages, so a key missing here (or misspelt) is a
 * compile error; messages.test.ts also checks that no string is empty and that every
 * placeholder of the English string is kept.
 */
export const es: Messages = {
  // App
  'app.name': 'Lienzo',
  'app.tagline': 'Completa un lienzo del modelo de negocio con tu equipo, en tiempo real.',
  'app.home': 'Página de inicio de Lienzo',

  // Language switch
  'language.label': 'Idioma',
  'language.en': 'English',
  'language.es': 'Español',

  // Home page
  'home.example.open': 'Abrir el tablero de ejemplo',
  'home.example.hint':
    'Un lienzo completo, con cada relación con los clientes etiquetada y vinculada.',
  'home.newBoard.heading': 'Nuevo tablero',
  'home.newBoard.titleLabel': 'Título del tablero',
  'home.newBoard.titlePlaceholder': 'p. ej. Suscripción de café para oficinas',
  'home.newBoard.titleHint': 'Opcional, hasta {max} caracteres. Puedes cambiarlo después.',
  'home.newBoard.submit': 'Crear tablero',
  'home.newBoard.creating': 'Creando…',
  'home.newBoard.defaultTitle': 'Tablero sin título',
  'home.recent.heading': 'Tableros abiertos en este navegador',
  'home.recent.empty':
    'Todavía no hay tableros. Crea uno arriba y comparte su enlace con tu equipo.',
  'home.recent.privacy': 'Esta lista se guarda solo en este navegador.',
  'home.recent.openedAt': 'Abierto {when}',

  // The nine blocks
  'block.keyPartners.title': 'Socios clave',
  'block.keyPartners.question':
    '¿Quiénes son nuestros socios y proveedores clave, y qué hacen por nosotros?',
  'block.keyActivities.title': 'Actividades clave',
  'block.keyActivities.question':
    '¿Qué tenemos que hacer muy bien para entregar nuestra propuesta de valor?',
  'block.keyResources.title': 'Recursos clave',
  'block.keyResources.question':
    '¿De qué recursos depende el modelo: personas, tecnología, dinero, marca?',
  'block.valuePropositions.title': 'Propuesta de valor',
  'block.valuePropositions.question':
    '¿Qué problema resolvemos y qué valor entregamos a cada segmento?',
  'block.customerRelationships.title': 'Relaciones con los clientes',
  'block.customerRelationships.question': '¿Qué relación espera cada segmento, y por qué canal?',
  'block.channels.title': 'Canales',
  'block.channels.question':
    '¿A través de qué canales llegamos a cada segmento, y cuáles funcionan mejor?',
  'block.customerSegments.title': 'Segmentos de clientes',
  'block.customerSegments.question':
    '¿Para quién creamos valor? ¿Quiénes son nuestros clientes más importantes?',
  'block.costStructure.title': 'Estructura de costes',
  'block.costStructure.question':
    '¿Cuáles son los costes más importantes, y qué actividades y recursos los generan?',
  'block.revenueStreams.title': 'Fuentes de ingresos',
  'block.revenueStreams.question': '¿Por qué están dispuestos a pagar los clientes, y cómo pagan?',

  // Left toolbar
  'tool.group': 'Herramientas',
  'tool.select': 'Seleccionar',
  'tool.note': 'Nueva nota',
  'tool.connect': 'Vincular una relación con un canal o segmento',
  'tool.pan': 'Desplazar',

  // Zoom and history bar
  'zoom.group': 'Zoom e historial',
  'zoom.in': 'Acercar',
  'zoom.out': 'Alejar',
  'zoom.fit': 'Ajustar el tablero a la pantalla',
  'zoom.level': 'Nivel de zoom: {percent}',
  'history.undo': 'Deshacer',
  'history.redo': 'Rehacer',

  // Keyboard shortcuts as shown in tooltips
  'shortcut.select': 'V',
  'shortcut.note': 'N',
  'shortcut.connect': 'C',
  'shortcut.pan': 'H, o mantén pulsado Espacio',
  'shortcut.zoomIn': 'Ctrl/Cmd + +',
  'shortcut.zoomOut': 'Ctrl/Cmd + -',
  'shortcut.fit': 'Ctrl/Cmd + 0',
  'shortcut.undo': 'Ctrl/Cmd + Z',
  'shortcut.redo': 'Mayús + Ctrl/Cmd + Z',
  'shortcut.edit': 'Intro',

  // Connection
  'connection.label': 'Conexión',
  'connection.connected': 'Conectado',
  'connection.connecting': 'Conectando…',
  'connection.offline': 'Sin conexión: los cambios se guardan en este dispositivo',
  'connection.revoked': 'Enlace revocado: pide el nuevo',
  'connection.outdated': 'Lienzo se ha actualizado: recarga para seguir trabajando',
  'connection.reload': 'Recargar',

  // Presence
  'presence.label': 'Personas en este tablero',
  'presence.you': '{name} (tú)',
  'presence.more': '{count} más: {names}',

  // Board title in the top bar
  'board.titleLabel': 'Título del tablero',

  // The canvas and the note text editor
  'board.canvasLabel':
    'Lienzo del modelo de negocio. Tab recorre las notas; pulsa ? para ver los atajos.',
  'board.connectRefused':
    'Un vínculo va de una nota de Relaciones con los clientes a una nota de Canales o de Segmentos de clientes.',
  'board.dismiss': 'Cerrar',
  'editor.toolbar': 'Formato del texto',
  'editor.bold': 'Negrita (Ctrl/Cmd + B)',
  'editor.italic': 'Cursiva (Ctrl/Cmd + I)',
  'editor.bulletList': 'Lista con viñetas',
  'editor.link': 'Enlace',
  'editor.linkPrompt': 'Dirección del enlace (déjala vacía para quitar el enlace):',
  'editor.linkInvalid': 'No es una dirección web ni de correo.',
  'editor.done': 'Listo (Esc)',

  // Name dialog
  'nameDialog.title': '¿Cómo te llamamos?',
  'nameDialog.description':
    'Tu nombre aparece junto a tu cursor y en las notas que crees. Todas las personas del tablero lo ven.',
  'nameDialog.label': 'Tu nombre',
  'nameDialog.hint': 'Hasta {max} caracteres.',
  'nameDialog.required': 'Escribe un nombre.',
  'nameDialog.submit': 'Entrar al tablero',
  'identity.guestName': 'Invitado {number}',

  // Share
  'share.button': 'Compartir',
  'share.tooltip':
    'Copia el enlace de este tablero. Cualquiera con el enlace puede verlo y editarlo.',
  'share.tooltipViewer': 'Copia el enlace de solo lectura de este tablero.',
  'share.tooltipFacilitator': 'Comparte este tablero: los enlaces de edición y de lectura.',
  'share.dialogTitle': 'Compartir este tablero',
  'share.dialogIntro':
    'Cada enlace abre el tablero con un rol. Cualquiera que tenga un enlace puede usarlo: compártelo solo con quien corresponda.',
  'share.role.facilitator': 'Facilitador/a (tú)',
  'share.role.facilitatorHint': 'Control total, incluidos estos enlaces. Guárdalo para ti.',
  'share.role.editor': 'Edición',
  'share.role.editorHint': 'Puede añadir, mover, escribir y eliminar notas.',
  'share.role.viewer': 'Lectura',
  'share.role.viewerHint':
    'Ve todo en directo y aparece en la lista de presentes; no puede cambiar nada.',
  'share.copy': 'Copiar',
  'share.regenerate': 'Regenerar',
  'share.regenerateConfirm':
    'Todas las personas que entraron con el enlace actual de {role} se desconectarán, y ese enlace dejará de funcionar. ¿Continuar?',
  'share.regenerateYes': 'Sí, regenerar',
  'share.cancel': 'Cancelar',
  'share.close': 'Cerrar',
  'share.loading': 'Cargando los enlaces…',
  'share.loadFailed': 'No se pudieron cargar los enlaces. Revisa tu conexión e inténtalo de nuevo.',
  'share.regenerated': 'Enlace nuevo creado. El anterior ya no funciona.',
  'share.regenerateFailed': 'No se pudo regenerar el enlace. Inténtalo de nuevo.',
  'share.copied': 'Enlace copiado',
  'share.failed': 'No se pudo copiar. Copia la dirección desde la barra del navegador.',

  // Roles
  'role.viewOnly': 'Solo lectura',
  'role.viewOnlyHint':
    'Abriste este tablero con un enlace de solo lectura: puedes mirar, no cambiar.',
  'role.viewOnlyRefused': 'Solo lectura: tus cambios no se guardan.',
  'role.facilitatorOnlyRefused':
    'Solo quien facilita puede cambiar el temporizador, los bloqueos y la escritura privada.',
  'sync.changeRejected':
    'Tu último cambio no se pudo guardar; el tablero se ha recargado desde el servidor.',
  'access.title': 'Necesitas un enlace para abrir este tablero',
  'access.message':
    'Los tableros solo se abren con un enlace compartido por quien los facilita. Esta dirección no tiene una clave válida: puede estar incompleta, o el enlace se sustituyó por uno nuevo.',
  'access.ask': 'Pide el enlace actual a la persona que te invitó.',

  // Help dialog
  'help.button': 'Atajos de teclado y ayuda',
  'help.title': 'Atajos de teclado',
  'help.intro':
    'Los atajos funcionan cuando el tablero tiene el foco, no mientras escribes en un campo.',
  'help.close': 'Cerrar',
  'help.keysColumn': 'Teclas',
  'help.actionColumn': 'Acción',
  'help.action.selectTool': 'Herramienta de selección',
  'help.action.panTool': 'Herramienta de desplazamiento',
  'help.action.connectTool':
    'Conector: arrastra de una nota de relación a una nota de canal o de segmento',
  'help.action.newNote': 'Nueva nota en el puntero, o en el bloque seleccionado',
  'help.action.edit': 'Editar el texto de la nota seleccionada',
  'help.action.leave': 'Terminar la edición, o quitar la selección',
  'help.action.delete': 'Eliminar la selección',
  'help.action.duplicate': 'Duplicar la selección',
  'help.action.bringToFront': 'Traer la selección al frente, sobre todas las demás notas',
  'help.action.undo': 'Deshacer tu último cambio',
  'help.action.redo': 'Rehacer',
  'help.action.nudge': 'Mover la selección un poco (con Mayús, en pasos más grandes)',
  'help.action.nextNote': 'Seleccionar la nota siguiente / anterior',
  'help.action.fit': 'Ajustar el tablero a la pantalla',
  'help.action.zoomIn': 'Acercar',
  'help.action.zoomOut': 'Alejar',
  'help.action.pan': 'Desplazar el tablero',
  'help.action.help': 'Mostrar esta lista de atajos',
  'help.action.wheelZoom': 'Hacer zoom en el puntero',
  'help.note':
    'Solo se deshacen tus propios cambios; nunca se revierten las ediciones de los demás.',

  // Key names in the help dialog
  'key.or': 'o',
  'key.ctrlCmd': 'Ctrl/Cmd',
  'key.shift': 'Mayús',
  'key.enter': 'Intro',
  'key.esc': 'Esc',
  'key.delete': 'Supr',
  'key.backspace': 'Retroceso',
  'key.tab': 'Tab',
  'key.space': 'Espacio',
  'key.arrows': 'Flechas',
  'key.doubleClick': 'Doble clic',
  'key.drag': 'arrastrar',
  'key.wheel': 'rueda del ratón',

  // Side panel
  'side.tabs': 'Panel lateral',
  'side.tab.note': 'Selección',
  'side.tab.overview': 'Relaciones',
  'side.segmentColors': 'Colorear las relaciones según su segmento',
  'side.focus': 'Enfocar el tablero: filtro y colores',
  'panel.label': 'Detalles de la selección',
  'panel.emptyHint': 'Selecciona una nota para ver y cambiar su color, su texto y sus detalles.',
  'panel.noteCount.one': '{count} nota en este tablero',
  'panel.noteCount.other': '{count} notas en este tablero',
  'panel.oneNote': 'Nota seleccionada',
  'panel.manyNotes': '{count} notas seleccionadas',
  'panel.block': 'Bloque',
  'panel.color': 'Color',
  'panel.author': 'Creada por',
  'panel.unknownAuthor': 'Desconocido',
  'panel.created': 'Creada',
  'panel.text': 'Texto',
  'panel.noText': 'Todavía no tiene texto.',
  'panel.editText': 'Editar texto',
  'panel.duplicate': 'Duplicar',
  'panel.delete': 'Eliminar',
  'panel.bringToFront': 'Traer al frente',

  // Note colours
  'color.yellow': 'Amarillo',
  'color.orange': 'Naranja',
  'color.pink': 'Rosa',
  'color.purple': 'Morado',
  'color.blue': 'Azul',
  'color.green': 'Verde',
  'color.teal': 'Turquesa',
  'color.gray': 'Gris',

  // Errors
  'error.notFoundTitle': 'Tablero no encontrado',
  'error.boardNotFound': 'Este tablero no existe, o su enlace está incompleto.',
  'error.createFailed': 'No se pudo crear el tablero. Inténtalo de nuevo.',
  'error.titleTooLong': 'El título puede tener como máximo {max} caracteres.',
  'error.serverUnreachable':
    'No se puede conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.',
  'error.backHome': 'Volver a la página de inicio',
  ...relationshipEs,
  ...workshopEs,
  ...reviewEs,
  ...insightsEs,
  ...votingEs,
  ...exportEs,
};
