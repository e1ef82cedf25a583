import 'reflect-metadata';

import { type DynamicModule, type ForwardReference, RequestMethod, type Type } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';

export interface Route {
  method: string;
  /** Express-style path with its parameters, e.g. /staff/orgs/:org/requests/:id. */
  path: string;
  /** The guards of the controller and the handler. */
  guards: unknown[];
}

type ModuleLike = Type | DynamicModule | ForwardReference;

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Every controller of a module and the modules it imports, however deep. */
function controllersOf(module: ModuleLike, seen = new Set<unknown>()): Type[] {
  const resolved = 'forwardRef' in module ? (module.forwardRef() as ModuleLike) : module;
  const moduleClass = 'module' in resolved ? resolved.module : resolved;
  if (seen.has(resolved)) return [];
  seen.add(resolved);
  const dynamic = 'module' in resolved ? resolved : undefined;
  const controllers: Type[] = [
    ...list(Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, moduleClass)),
    ...(dynamic?.controllers ?? []),
  ];
  const imports = [
    ...list<ModuleLike>(Reflect.getMetadata(MODULE_METADATA.IMPORTS, moduleClass)),
    ...((dynamic?.imports ?? []) as ModuleLike[]),
  ];
  return [...controllers, ...imports.flatMap((i) => controllersOf(i, seen))];
}

const join = (...parts: string[]) =>
  `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/** The routes Nest would register for a module, read from the same decorator metadata its router reads. */
export function routesOf(module: ModuleLike): Route[] {
  const routes: Route[] = [];
  for (const controller of controllersOf(module)) {
    const prefixes = list<string>(Reflect.getMetadata(PATH_METADATA, controller));
    const controllerGuards = list<unknown>(Reflect.getMetadata(GUARDS_METADATA, controller));
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (paths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const guards = [...controllerGuards, ...list<unknown>(Reflect.getMetadata(GUARDS_METADATA, handler))];
      for (const prefix of prefixes.length > 0 ? prefixes : ['/']) {
        for (const path of list(paths)) routes.push({ method, path: join(prefix, path), guards });
      }
    }
  }
  return routes;
}
