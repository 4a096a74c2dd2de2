import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Request, Response } from 'express';
import { Public } from '../auth/decorators';
import { CONSOLE_DIR, consoleFile } from './console-files';

/**
 * The steward console: static HTML, CSS and JavaScript modules, served without credentials (the
 * console signs in through the API and sends its token with every API call).
 */
@ApiExcludeController() // pages, not an API operation
// static files, anonymous: they must not spend the budget that anonymous callers of one address share
@SkipThrottle()
@Controller('console')
export class ConsoleController {
  /** `/console` → `/console/`, so that the page's relative module paths resolve under it. */
  @Get()
  @Public()
  root(@Req() request: Request, @Res() response: Response): void {
    if (request.path.endsWith('/')) this.file(request, response);
    else response.redirect(301, '/console/');
  }

  @Get('*')
  @Public()
  file(@Req() request: Request, @Res() response: Response): void {
    const file = consoleFile(request.path.slice('/console/'.length));
    if (!file) {
      response.status(404).json({ code: 'NOT_FOUND', message: `no console file ${request.path}` });
      return;
    }
    response.setHeader('cache-control', 'no-cache');
    response.setHeader('x-content-type-options', 'nosniff');
    if (file.type.startsWith('text/html')) {
      response.setHeader('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
    }
    response.type(file.type);
    response.sendFile(file.path, { root: CONSOLE_DIR, dotfiles: 'deny' });
  }
}
