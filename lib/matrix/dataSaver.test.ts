import { describe, expect, it } from 'vitest';
import { dataSaverActive } from './dataSaver';

describe('dataSaverActive', () => {
  it('follows an explicit setting whatever the network says', () => {
    expect(dataSaverActive('on', { effectiveType: '4g' })).toBe(true);
    expect(dataSaverActive('off', { saveData: true, effectiveType: 'slow-2g' })).toBe(false);
  });

  it('in auto, follows Save-Data and 2g connections, and is off where the browser says nothing', () => {
    expect(dataSaverActive('auto', { saveData: true })).toBe(true);
    expect(dataSaverActive('auto', { effectiveType: '2g' })).toBe(true);
    expect(dataSaverActive('auto', { effectiveType: 'slow-2g' })).toBe(true);
    expect(dataSaverActive('auto', { effectiveType: '3g', saveData: false })).toBe(false);
    expect(dataSaverActive('auto', undefined)).toBe(false);
  });
});
