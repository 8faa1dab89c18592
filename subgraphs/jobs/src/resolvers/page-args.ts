/** The `first` and `after` arguments of a connection field. */
export interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}
