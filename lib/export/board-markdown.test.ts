import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote, labelRelationship, noteTextFragment, readBoard, setBoardTitle } from '../doc';
import { formatMoney } from '../insights/format';
import { boardToMarkdown } from './board-markdown';
import { relationshipBoard } from './test-support';

function sample() {
  const { doc, ids } = relationshipBoard();
  labelRelationship(doc, ids.rel, {
    stage: 'retention',
    status: 'current',
    costAmount: 1200,
    costCurrency: 'EUR',
    costPeriod: 'perMonth',
  });
  createNote(doc, { x: 900, y: 300, author: 'Ana', text: 'Fast *invoices* | cheap\nsecond line' });
  return readBoard(doc);
}

describe('boardToMarkdown', () => {
  it('lists the title and every block with its notes, in English', () => {
    const md = boardToMarkdown(sample(), 'en');
    expect(md.startsWith('# Test board\n')).toBe(true);
    expect(md).toContain('## Key Partners\n\n- Bank\n');
    expect(md).toContain(
      '## Value Propositions\n\n- Fast \\*invoices\\* \\| cheap\\\n  second line\n',
    );
    expect(md).toContain('## Revenue Streams\n\n_No notes._\n');
    expect(md).toContain(
      '  - Labels: Type: At a distance · Mode: Direct · Bond: Transactional · Intimacy: Personal · Funnel stage: Retention · Status: Current · Cost: €1,200.00 (Per month)',
    );
  });

  it('has the relationships overview: matrix, costs, status, hypotheses and warnings', () => {
    const md = boardToMarkdown(sample(), 'en');
    expect(md).toContain('## Relationships overview\n\n1 relationship · 1 segment · 2 channels');
    expect(md).toContain(
      '| Segment | Acquisition | Activation | Conversion | Retention | Referral | No stage |',
    );
    expect(md).toContain('| Freelancers |  |  |  | Email support |  |  |');
    expect(md).toContain('- Freelancers: €1,200.00 (Per month)');
    expect(md).toContain('- **Total**: €1,200.00 (Per month)');
    expect(md).toContain('- Current: 1\n- Planned: 0');
    expect(md).toContain('### What is missing\n\n');
    expect(md).toContain('- No relationship uses the channel “Shop”');
    expect(md).toContain('- No relationship at the “Acquisition” stage');
  });

  it('writes hostile HTML and links as plain, escaped text: no tag, no link, no rel', () => {
    const { doc } = relationshipBoard();
    setBoardTitle(doc, '<img src=x onerror=alert(1)>');
    createNote(doc, { x: 100, y: 300, author: 'M', text: '<script>alert(1)</script>' });
    const linked = createNote(doc, { x: 100, y: 500, author: 'M' });
    doc.transact(() => {
      const text = new Y.XmlText();
      text.insert(0, 'read me', {
        link: { href: 'https://evil.example/', target: '_blank', rel: 'opener' },
      });
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [text]);
      noteTextFragment(doc, linked)!.insert(0, [paragraph]);
    });
    const md = boardToMarkdown(readBoard(doc), 'en');
    expect(md).toContain('# \\<img src=x onerror=alert(1)\\>\n');
    expect(md).toContain('- \\<script\\>alert(1)\\</script\\>\n');
    expect(md).toContain('- read me\n');
    expect(md).not.toMatch(/(^|[^\\])</m); // every < escaped
    expect(md).not.toMatch(/evil\.example|opener/);
  });

  it('speaks Spanish when asked', () => {
    const md = boardToMarkdown(sample(), 'es');
    expect(md).toContain('## Socios clave');
    expect(md).toContain('## Relaciones con los clientes');
    expect(md).toContain('Tipo: A distancia');
    expect(md).toContain(formatMoney(1200, 'EUR', 'es'));
    expect(formatMoney(1200, 'EUR', 'es')).toMatch(/^1200,00\s€$/);
    expect(md).toContain('_Sin notas._');
  });
});
