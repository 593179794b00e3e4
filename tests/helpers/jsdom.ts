/** What antd asks of a browser that jsdom does not have. */
export function stubMatchMedia(): void {
  // antd's grid and tables ask for media queries; jsdom has none
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
}
