// The app's icon (the favicon's picture: three neurons, two connections) as PNG files of any size,
// drawn here pixel by pixel with 4×4 samples a pixel, so that the build needs no image tool.
import { crc32, deflateSync } from 'node:zlib';

const NAVY = [0x1f, 0x4e, 0x79];
const AMBER = [0xf2, 0xb1, 0x34];
const WHITE = [0xff, 0xff, 0xff];

// The picture in the favicon's 32 × 32 units; `maskable` leaves the safe zone's margin around it
// and fills the whole square (a phone cuts its own shape out of it).
function colourAt(x: number, y: number, maskable: boolean): number[] | null {
  const u = maskable ? 16 + (x - 16) / 0.7 : x;  // maskable: the picture in the middle 70 %
  const v = maskable ? 16 + (y - 16) / 0.7 : y;
  const inSquare = maskable || roundedRect(x, y, 32, 32, 7);
  if (!inSquare) return null;
  if (circle(u, v, 23, 16, 4)) return AMBER;
  if (circle(u, v, 9, 10, 3) || circle(u, v, 9, 22, 3)) return WHITE;
  if (segment(u, v, 11.5, 11.2, 19.5, 15, 1) || segment(u, v, 11.5, 20.8, 19.5, 17, 1)) return WHITE;
  return NAVY;
}

function roundedRect(x: number, y: number, w: number, h: number, r: number): boolean {
  if (x < 0 || y < 0 || x > w || y > h) return false;
  const cx = Math.min(Math.max(x, r), w - r), cy = Math.min(Math.max(y, r), h - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const circle = (x: number, y: number, cx: number, cy: number, r: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

// Within half a width of the segment (round caps, as the favicon's stroke-linecap).
function segment(x: number, y: number, x1: number, y1: number, x2: number, y2: number, half: number): boolean {
  const dx = x2 - x1, dy = y2 - y1;
  const s = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  return (x - x1 - s * dx) ** 2 + (y - y1 - s * dy) ** 2 <= half * half;
}

// RGBA pixels of a size × size icon.
function pixels(size: number, maskable: boolean): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const SAMPLES = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt(((px + (sx + 0.5) / SAMPLES) / size) * 32, ((py + (sy + 0.5) / SAMPLES) / size) * 32, maskable);
          if (!c) continue;
          sum[0] += c[0]; sum[1] += c[1]; sum[2] += c[2]; sum[3] += 255;
        }
      }
      const n = SAMPLES * SAMPLES, covered = sum[3] / 255;
      const at = (py * size + px) * 4;
      // colour averaged over the covered samples, alpha over all of them
      for (let k = 0; k < 3; k++) out[at + k] = covered ? Math.round(sum[k] / covered) : 0;
      out[at + 3] = Math.round(sum[3] / n);
    }
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// A PNG (8-bit RGBA, no interlace) of the icon.
export function iconPng(size: number, maskable = false): Buffer {
  const rgba = pixels(size, maskable);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0;  // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(rows, y * (size * 4 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);  // 8 bits, RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}
