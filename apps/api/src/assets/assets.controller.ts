import { readFileSync } from 'node:fs';

import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';

// Read once at start, next to this module: the build copies the file into dist beside the compiled controller.
const STYLESHEET = readFileSync(new URL('./app.css', import.meta.url), 'utf8');

/** The stylesheet, served from our own origin so the CSP needs no 'unsafe-inline'. */
@Controller('assets')
export class AssetsController {
  @Get('app.css')
  stylesheet(@Res() res: Response): void {
    res.type('text/css').set('Cache-Control', 'public, max-age=3600').send(STYLESHEET);
  }
}
