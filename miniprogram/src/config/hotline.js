// The hotline the client shows (our own number, not a server enum): the Youth League's 12355
// youth service line, which takes the psychological support calls of the families.
export const HOTLINE = '12355'
export const HOTLINE_LABEL = '12355 青少年服务台'
