// A QR code of a link as an SVG, encoded here in the browser (uqr): black on white, error
// correction level M, with the four-module quiet zone the standard asks for around it.
import { encode } from 'uqr';
import { trAttribute } from './dom.ts';
import { qrModulesPath } from './qr-path.ts';

const SVG = 'http://www.w3.org/2000/svg';
const QUIET_ZONE = 4;

// Longer links give codes too dense to scan from the back of a classroom (about 170 modules a side).
export const QR_MAX_LINK_LENGTH = 2000;

export function qrCodeSvg(link: string): SVGSVGElement {
  const { size, data } = encode(link, { ecc: 'M', border: 0 });
  const side = size + 2 * QUIET_ZONE;
  const svg = svgElement('svg', { viewBox: `${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`, role: 'img',
    class: 'qr-code', 'shape-rendering': 'crispEdges' });
  trAttribute(svg, 'aria-label', 'shareQrLabel');
  svg.append(
    svgElement('rect', { x: -QUIET_ZONE, y: -QUIET_ZONE, width: side, height: side, fill: '#fff' }),
    svgElement('path', { d: qrModulesPath(data), fill: '#000' }));
  return svg;
}

function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}
