// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { attributionHtml } from './attribution-html';

describe('attributionHtml', () => {
  it('turns a stored attribution into inert text for Leaflet', () => {
    const hostile = `<img src=x onerror="alert(1)"><a href='javascript:x'>map</a> & co`;
    const html = attributionHtml(hostile);
    expect(html).not.toMatch(/[<>"']/);
    // Parsed as HTML it is exactly the text that was stored, and no element.
    const box = document.createElement('div');
    box.innerHTML = html;
    expect(box.textContent).toBe(hostile);
    expect(box.children.length).toBe(0);
    expect(attributionHtml('© OpenStreetMap contributors')).toBe('© OpenStreetMap contributors');
  });
});
