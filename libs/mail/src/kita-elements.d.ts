/// <reference types="@kitajs/html/jsx.d.ts" />

/**
 * @kitajs/html's typings of every HTML element and attribute, read from its global JSX namespace here because the
 * runtime's own JSX namespace shadows that name.
 */
export type KitaIntrinsicElements = JSX.IntrinsicElements;
