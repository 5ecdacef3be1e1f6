import type { Module } from "./ir";
import type { Node } from "./syntax-node";
export function lowerJs(_root: Node): Module { return { fns: [], top: [] }; }
