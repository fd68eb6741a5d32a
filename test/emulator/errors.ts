// Notion's error envelope: {object: "error", status, code, message, request_id}.
/** Thrown by handlers; the server turns it into the envelope. */
export class NotionError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra envelope fields, between `message` and `request_id` (e.g. `additional_data`). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The code an injected fault carries when the test names only a status. */
export const DEFAULT_CODE_FOR_STATUS: Record<number, string> = {
  400: 'validation_error',
  401: 'unauthorized',
  403: 'restricted_resource',
  404: 'object_not_found',
  409: 'conflict_error',
  429: 'rate_limited',
  500: 'internal_server_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
  529: 'service_overload',
};

export const validation = (message: string): NotionError => new NotionError(400, 'validation_error', message);

/** A 404. File uploads: "Could not find file_upload with ID: …." Pages, blocks and databases
 * name the integration and carry its id in `additional_data`, as recorded (notion-sdk-py
 * test_build_request_error_integration.yaml). */
export function notFound(kind: string, id: string, integration?: { id: string; name: string }): NotionError {
  if (!integration) return new NotionError(404, 'object_not_found', `Could not find ${kind} with ID: ${id}.`);
  const message = `Could not find ${kind} with ID: ${id}. Make sure the relevant pages and databases are shared with your integration "${integration.name}".`;
  return new NotionError(404, 'object_not_found', message, {}, { additional_data: { integration_id: integration.id } });
}
