// The public API, read through the same gateway that serves the page.
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function get(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch (ignored) { /* no problem body */ }
    throw new ApiError(response.status, problem);
  }
  return response.json();
}

export function query(path, parameters) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== null && value !== undefined && value !== '') query.set(name, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The leaderboard's SSE stream: calls back with each full leaderboard (on connect and after every change) and with
 * the connection's state; EventSource reconnects by itself.
 */
export function watchLeaderboard(parameters, onBoard, onState) {
  const source = new EventSource(query('/api/v1/leaderboards/stream', parameters));
  source.addEventListener('leaderboard', (event) => onBoard(JSON.parse(event.data)));
  source.onopen = () => onState('live');
  source.onerror = () => onState('reconnecting');
  return source;
}
