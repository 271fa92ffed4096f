import { describe, expect, it } from 'vitest';
import { ServerMetrics } from './metrics';
import { sample } from '../../test/helpers/metrics-text';

describe('ServerMetrics recorders (called by the store, the rooms and the cluster code)', () => {
  it('counts applied updates', async () => {
    const metrics = new ServerMetrics();
    for (let i = 0; i < 3; i++) metrics.updateApplied();
    expect(sample(await metrics.text(), 'lienzo_updates_applied_total')).toBe(3);
  });

  it('records store write latency in seconds, in its bucket', async () => {
    const metrics = new ServerMetrics();
    metrics.storeWrite(3);
    metrics.storeWrite(40);
    const text = await metrics.text();
    expect(sample(text, 'lienzo_store_write_seconds_bucket{le="0.0025"}')).toBe(0);
    expect(sample(text, 'lienzo_store_write_seconds_bucket{le="0.005"}')).toBe(1);
    expect(sample(text, 'lienzo_store_write_seconds_bucket{le="0.05"}')).toBe(2);
    expect(sample(text, 'lienzo_store_write_seconds_count')).toBe(2);
    expect(sample(text, 'lienzo_store_write_seconds_sum')).toBeCloseTo(0.043, 6);
  });

  it('sums the queue depths of all rooms, shows the deepest, and forgets a drained room', async () => {
    const metrics = new ServerMetrics();
    metrics.storeQueueDepth('a', 3);
    metrics.storeQueueDepth('b', 5);
    metrics.storeQueueDepth('a', 4);
    let text = await metrics.text();
    expect(sample(text, 'lienzo_store_queue_depth')).toBe(9);
    expect(sample(text, 'lienzo_store_queue_depth_max')).toBe(5);
    metrics.storeQueueDepth('b', 0);
    text = await metrics.text();
    expect(sample(text, 'lienzo_store_queue_depth')).toBe(4);
    expect(sample(text, 'lienzo_store_queue_depth_max')).toBe(4);
  });

  it('records relay latency in seconds', async () => {
    const metrics = new ServerMetrics();
    metrics.relayed(0.8);
    const text = await metrics.text();
    expect(sample(text, 'lienzo_relay_seconds_bucket{le="0.0005"}')).toBe(0);
    expect(sample(text, 'lienzo_relay_seconds_bucket{le="0.001"}')).toBe(1);
  });

  it('says "not configured" until a health check reports, then up or down', async () => {
    const metrics = new ServerMetrics();
    let text = await metrics.text();
    expect(sample(text, 'lienzo_dependency_configured{dependency="redis"}')).toBe(0);
    expect(text).not.toMatch(/^lienzo_dependency_up/m);
    metrics.reachability('redis', false);
    metrics.reachability('postgres', true);
    text = await metrics.text();
    expect(sample(text, 'lienzo_dependency_configured{dependency="redis"}')).toBe(1);
    expect(sample(text, 'lienzo_dependency_up{dependency="redis"}')).toBe(0);
    expect(sample(text, 'lienzo_dependency_up{dependency="postgres"}')).toBe(1);
    metrics.reachability('redis', true);
    expect(sample(await metrics.text(), 'lienzo_dependency_up{dependency="redis"}')).toBe(1);
  });

  it('reads mirrored state at each scrape, each instance its own', async () => {
    const one = new ServerMetrics();
    const two = new ServerMetrics();
    let sockets = 2;
    one.observe({ openSockets: () => sockets, loadedBoards: () => 1, loadedDrafts: () => 0 });
    expect(sample(await one.text(), 'lienzo_open_sockets')).toBe(2);
    sockets = 0;
    expect(sample(await one.text(), 'lienzo_open_sockets')).toBe(0);
    one.updateApplied();
    expect(sample(await two.text(), 'lienzo_updates_applied_total')).toBe(0);
    expect(sample(await one.text(), 'lienzo_loaded_rooms{kind="board"}')).toBe(1);
  });
});
