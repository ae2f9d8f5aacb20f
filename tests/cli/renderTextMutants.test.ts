import { describe, expect, it } from 'vitest';
import { colorStyle, plainStyle } from '../../src/cli/renderText.ts';

// For mutation testing (npm run test:mutation -- render): the terminal styles keep the text they
// paint. Whether colour codes are added is Node's own decision (it checks the stream and NO_COLOR),
// so only the text is asserted.
describe('terminal styles', () => {
  it('colour and plain styles both keep the text', () => {
    expect(colorStyle.paint(['bold', 'yellow'], 'Blood thinners')).toContain('Blood thinners');
    expect(plainStyle.paint(['bold', 'yellow'], 'Blood thinners')).toBe('Blood thinners');
  });
});
