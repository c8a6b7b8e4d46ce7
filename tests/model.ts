// The model of an edit on plain values: what applyEdit's result must read back as.
import type { Edit, Value } from '../shared/index';

type Container = Value[] | { [key: string]: Value };

function at(root: Value, path: readonly (string | number)[]): Value {
  let v: Value = root;
  for (const seg of path) v = (v as Record<string | number, Value>)[seg as never]!;
  return v;
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

/** Applies `edit` to a copy of `data` as plain JSON. */
export function modelEdit(data: Value, edit: Edit): Value {
  const root = clone(data);
  switch (edit.op) {
    case 'set': {
      const parent = at(root, edit.path.slice(0, -1)) as Container;
      (parent as Record<string | number, Value>)[edit.path[edit.path.length - 1]! as never] = clone(edit.value);
      return root;
    }
    case 'insert': {
      const parentPath = edit.path.slice(0, -1);
      const key = edit.path[edit.path.length - 1]!;
      const parent = at(root, parentPath) as Record<string | number, Value>;
      const list = parent[key as never];
      if (!Array.isArray(list)) parent[key as never] = [clone(edit.value)];
      else list.splice(edit.index, 0, clone(edit.value));
      return root;
    }
    case 'remove': {
      const parent = at(root, edit.path.slice(0, -1)) as Container;
      const key = edit.path[edit.path.length - 1]!;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      return root;
    }
    case 'move': {
      const fromParent = at(root, edit.from.slice(0, -1)) as Value[];
      const target = at(root, edit.to) as Value[];
      const [item] = fromParent.splice(edit.from[edit.from.length - 1] as number, 1);
      target.splice(edit.index, 0, item!);
      return root;
    }
    case 'renameKey': {
      const parentPath = edit.path.slice(0, -1);
      const old = at(root, parentPath) as { [key: string]: Value };
      const renamed = Object.fromEntries(Object.entries(old).map(([k, v]) => [k === edit.path[edit.path.length - 1] ? edit.key : k, v]));
      if (parentPath.length === 0) return renamed;
      (at(root, parentPath.slice(0, -1)) as Record<string | number, Value>)[parentPath[parentPath.length - 1]! as never] = renamed;
      return root;
    }
    case 'setBody':
      return root;
  }
}
