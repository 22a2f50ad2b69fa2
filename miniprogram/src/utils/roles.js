// Role kinds (MiniUserView.RoleKind) are labelled by the dictionaries like every server enum.
export function roleKindLabel(dict, kind) {
  return dict.label('roleKind', kind)
}
