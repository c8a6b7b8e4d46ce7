// Types for the parts of Monaco the key test loads without a DOM: the key codes and the key modifiers.
declare module 'monaco-editor/editor/common/standalone/standaloneEnums' {
  export const KeyCode: { readonly [name: string]: number | string };
}

declare module 'monaco-editor/editor/common/services/editorBaseApi' {
  export function createMonacoBaseAPI(): { readonly KeyMod: { readonly CtrlCmd: number; readonly Shift: number; readonly Alt: number } };
}
