// The one command registry: shortcuts, enabled state, and one run per key press seen by both the page and the native menu.
import { describe, expect, it } from 'vitest';
import { createRegistry, matchesKey } from '../../renderer/src/services/registry';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('the command registry', () => {
  it('matches shortcuts exactly', () => {
    expect(matchesKey(key('s', { ctrlKey: true }), 'Mod+S')).toBe(true);
    expect(matchesKey(key('s', { metaKey: true }), 'Mod+S')).toBe(true);
    expect(matchesKey(key('S', { ctrlKey: true, shiftKey: true }), 'Mod+S')).toBe(false);
    expect(matchesKey(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+Z')).toBe(true);
    expect(matchesKey(key('z', { ctrlKey: true }), 'Mod+Shift+Z')).toBe(false);
  });

  it('runs enabled commands only, and a menu echo of a key press once', () => {
    const ran: string[] = [];
    let enabled = true;
    const r = createRegistry<null>([
      { id: 'save', label: 'Save', keys: ['Mod+S'], enabled: () => enabled, run: () => ran.push('save') },
      { id: 'undo', label: 'Undo', keys: ['Mod+Z'], run: () => ran.push('undo') },
    ]);
    expect(r.commandForKey(key('z', { ctrlKey: true }) as KeyboardEvent)?.id).toBe('undo');
    expect(r.dispatch('save', null, 'key')).toBe(true);
    expect(r.dispatch('save', null, 'menu')).toBe(false);
    expect(r.dispatch('undo', null, 'menu')).toBe(true);
    enabled = false;
    expect(r.dispatch('save', null, 'button')).toBe(false);
    expect(ran).toEqual(['save', 'undo']);
  });
});
