import {
  applyDecorators,
  Injectable,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { Csrf } from './csrf.js';

/** What a page's view gets besides the handler's model: the request, and this browser's form token when it shows a form. */
export interface PageContext {
  request: Request;
  /** Sets the form-token cookie when the browser has none, so it is asked for only by pages that show a form. */
  csrfToken(): string;
}

export type PageView<M> = (model: M, context: PageContext) => string;

/** A model answered with a status other than the route's own (a refusal shown on the form, a dead link). */
export class PageWithStatus<M> {
  constructor(
    readonly status: number,
    readonly model: M,
  ) {}
}

export const withStatus = <M>(status: number, model: M): PageWithStatus<M> => new PageWithStatus(status, model);

const PAGE_VIEW = 'rightsdesk:page-view';

@Injectable()
export class PageInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly csrf: Csrf,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<string> {
    const view = this.reflector.get<PageView<unknown>>(PAGE_VIEW, context.getHandler());
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((result: unknown) => {
        const { status, model } = result instanceof PageWithStatus ? result : { status: undefined, model: result };
        const page = view(model, { request, csrfToken: () => this.csrf.tokenFor(request, response) });
        if (status !== undefined) response.status(status);
        response.type('html');
        return page;
      }),
    );
  }
}

/** The handler returns a model; the view renders it as the HTML answer. */
export const Page = <M>(view: PageView<M>) => applyDecorators(SetMetadata(PAGE_VIEW, view), UseInterceptors(PageInterceptor));

/** Where a form post that succeeded sends the browser: a GET, never a repeat of the post (with `@Redirect()`). */
export const seeOther = (url: string): { url: string; statusCode: 303 } => ({ url, statusCode: 303 });
