import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { REDIRECT_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, map, type Observable } from 'rxjs';

import { Csrf } from './csrf.js';

/** What a page's view gets besides the handler's model: the request, and this browser's form token when it shows a form. */
export interface PageContext {
  request: Request;
  /** Sets the form-token cookie when the browser has none, so it is asked for only by pages that show a form. */
  csrfToken(): string;
}

export type PageView<M> = (model: M, context: PageContext) => string;

/**
 * The page for a refused post (shown on its form) or a dead link, with its own status. Thrown, not returned: Nest
 * answers a returned model with the route's status, whatever was set on the response meanwhile.
 */
export class RefusedPage<M> extends HttpException {
  constructor(
    status: number,
    readonly model: M,
    readonly headers: Record<string, string> = {},
  ) {
    super('refused page', status);
  }
}

/** A refused page rendered by its route's view; HttpExceptionFilter sends it as it is. */
export class RenderedRefusal extends HttpException {
  constructor(
    readonly html: string,
    status: number,
    readonly headers: Record<string, string>,
  ) {
    super('rendered page', status);
  }
}

const PAGE_VIEW = 'rightsdesk:page-view';

@Injectable()
export class PageInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly csrf: Csrf,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const view = this.reflector.get<PageView<unknown>>(PAGE_VIEW, context.getHandler());
    // With @Redirect() a success is a redirect, and the view shows only refusals.
    const redirects = this.reflector.get<unknown>(REDIRECT_METADATA, context.getHandler()) !== undefined;
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const pageContext: PageContext = { request, csrfToken: () => this.csrf.tokenFor(request, response) };
    return next.handle().pipe(
      map((model: unknown) => {
        if (redirects) return model;
        const page = view(model, pageContext);
        response.type('html');
        return page;
      }),
      catchError((error: unknown) => {
        throw error instanceof RefusedPage
          ? new RenderedRefusal(view(error.model, pageContext), error.getStatus(), error.headers)
          : error;
      }),
    );
  }
}

/** The handler returns a model; the view renders it as the HTML answer, and any RefusedPage the handler throws. */
export const Page = <M>(view: PageView<M>) =>
  applyDecorators(SetMetadata(PAGE_VIEW, view), UseInterceptors(PageInterceptor));

/** Where a form post that succeeded sends the browser: a GET, never a repeat of the post (with `@Redirect()`). */
export const seeOther = (url: string): { url: string; statusCode: 303 } => ({ url, statusCode: 303 });
