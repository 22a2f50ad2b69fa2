// Role kinds (MiniUserView.RoleKind). Their labels come from the dictionaries like every server
// enum; the dictionaries endpoint does not carry `roleKind` yet, so until it does the picker falls
// back to these words, which are the product's names of the actors (docs/decisions.md, 135).
const FALLBACK = {
  FAMILY: '家属',
  MEDICAL_WORKER: '医护人员',
  VOLUNTEER: '志愿者',
  TEAM_CONTACT: '医疗队联络人',
  PAIRED: '结对帮扶人'
}

export function roleKindLabel(dict, kind) {
  const fromServer = dict.options('roleKind').find((e) => e.code === kind)
  return fromServer ? fromServer.label : FALLBACK[kind] || kind
}
