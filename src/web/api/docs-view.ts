// What the API documentation page shows, read from the OpenAPI document: each operation under its tag, with its
// parameters, the fields of its body and its responses.
export interface OpenApiSchema {
  type?: string | string[];
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  anyOf?: OpenApiSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  description?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: OpenApiSchema }[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: OpenApiSchema }> }>;
}

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}

/** "string (date)", "integer", "one of: red, amber", "array of integer", "string or null". */
export function describeType(schema: OpenApiSchema | undefined): string {
  if (!schema) return '';
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return `one of: ${schema.enum.map((v) => String(v)).join(', ')}`;
  if (schema.anyOf) {
    const consts = schema.anyOf.filter((s) => s.const !== undefined);
    const others = schema.anyOf.filter((s) => s.const === undefined);
    const parts = [...(consts.length ? [`one of: ${consts.map((s) => String(s.const)).join(', ')}`] : []), ...others.map(describeType)];
    return parts.join(' or ');
  }
  const types = [schema.type ?? 'any'].flat();
  return types
    .map((t) => (t === 'array' ? `array of ${describeType(schema.items)}` : t === 'string' && schema.format ? `string (${schema.format})` : t))
    .join(' or ');
}

interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

/** The object's own schema, when `schema` is an object or an object-or-null. */
function objectOf(schema: OpenApiSchema | undefined): OpenApiSchema | undefined {
  if (!schema) return undefined;
  if (schema.properties) return schema;
  return schema.anyOf?.find((s) => s.properties);
}

/** Each field of the object, nested objects' fields as "due.from" and list items' as "items[].id" (two levels). */
function fields(schema: OpenApiSchema | undefined, prefix = '', depth = 0): FieldRow[] {
  const object = objectOf(schema);
  return Object.entries(object?.properties ?? {}).flatMap(([name, s]) => {
    const row: FieldRow = {
      name: `${prefix}${name}`,
      type: describeType(s),
      required: object?.required?.includes(name) ?? false,
      description: [s.description, s.maxLength ? `At most ${s.maxLength.toLocaleString('en-GB')} characters.` : ''].filter(Boolean).join(' '),
    };
    if (depth >= 2) return [row];
    const nested = objectOf(s) ? fields(s, `${prefix}${name}.`, depth + 1) : objectOf(s.items) ? fields(s.items, `${prefix}${name}[].`, depth + 1) : [];
    return [row, ...nested];
  });
}

/** The fields of the successful answer's body. */
function answerFields(op: Operation): FieldRow[] {
  const ok = op.responses?.['200'] ?? op.responses?.['201'];
  return fields(ok?.content?.['application/json']?.schema);
}

const METHOD_ORDER = ['get', 'put', 'patch', 'post', 'delete'];

export function docsView(document: OpenApiDocument) {
  const groups = new Map<string, unknown[]>();
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const method of METHOD_ORDER) {
      const op = operations[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'Other';
      const body = op.requestBody?.content?.['application/json']?.schema;
      const list = groups.get(tag) ?? [];
      list.push({
        id: `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, ''),
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? '',
        description: op.description ?? '',
        parameters: (op.parameters ?? []).map((p) => ({
          name: p.name, in: p.in, required: p.required ?? false, type: describeType(p.schema), description: p.schema?.description ?? p.description ?? '',
        })),
        body: body ? fields(body) : null,
        answer: answerFields(op),
        responses: Object.entries(op.responses ?? {}).map(([status, r]) => ({ status, description: r.description ?? '' })),
      });
      groups.set(tag, list);
    }
  }
  return {
    info: document.info,
    groups: [...groups].map(([name, operations]) => ({ name, operations })),
  };
}
