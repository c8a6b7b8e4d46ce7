import { createCanvas, loadImage } from '@napi-rs/canvas';
import fs from 'fs';
const [p, x0, x1, y0, y1, mode] = process.argv.slice(2);
const im = await loadImage(fs.readFileSync(p)); const c = createCanvas(im.width, im.height); const ctx = c.getContext('2d'); ctx.drawImage(im, 0, 0);
const d = ctx.getImageData(0, 0, im.width, im.height).data;
const dark = (x, y) => { const i = (y * im.width + x) * 4; return d[i] + d[i+1] + d[i+2] < 3*160; };
const X0=+x0,X1=+x1,Y0=+y0,Y1=+y1;
let bands=[], start=-1;
if (mode==='cols') { for (let x=X0;x<=X1;x++){let any=false;for(let y=Y0;y<=Y1;y++) if(dark(x,y)) any=true; if(any&&start<0)start=x; if(!any&&start>=0){bands.push(start+'-'+(x-1));start=-1;}} }
else { for (let y=Y0;y<=Y1;y++){let any=false;for(let x=X0;x<=X1;x++) if(dark(x,y)) any=true; if(any&&start<0)start=y; if(!any&&start>=0){bands.push(start+'-'+(y-1));start=-1;}} }
if (start>=0) bands.push(start+'-end');
console.log(bands.join(' '));
