import type { Rag, RagDefinition } from './types.ts';

/** The default RAG scheme; a plan may carry its own definitions. */
export const DEFAULT_RAG_SCHEME: readonly RagDefinition[] = [
  { rag: 'red', label: 'Red', meaning: 'Significant risk: delivery is off track and needs intervention' },
  { rag: 'amber', label: 'Amber', meaning: 'Some risk: progress is behind but recoverable' },
  { rag: 'green', label: 'Green', meaning: 'On track' },
  { rag: 'blue', label: 'Blue', meaning: 'Complete' },
];

export function ragLabel(rag: Rag): string {
  return rag.charAt(0).toUpperCase() + rag.slice(1);
}
