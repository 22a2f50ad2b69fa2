// Which kind of org may hang under which, as the backend's OrgType.mayHangUnder decides.

export const ORG_TYPE = Object.freeze({
  PROVINCE_LEAGUE: 'PROVINCE_LEAGUE',
  MUNICIPALITY_LEAGUE: 'MUNICIPALITY_LEAGUE',
  CITY_LEAGUE: 'CITY_LEAGUE',
  DISTRICT_LEAGUE: 'DISTRICT_LEAGUE',
  UNIVERSITY_LEAGUE: 'UNIVERSITY_LEAGUE',
  HOSPITAL_LEAGUE: 'HOSPITAL_LEAGUE',
  PARTNER_UNIT: 'PARTNER_UNIT',
})

/** Fallback list with labels; the API's /orgs/types labels win where loaded. */
export const ORG_TYPE_OPTIONS = Object.freeze([
  { value: 'PROVINCE_LEAGUE', label: '省级团委' },
  { value: 'MUNICIPALITY_LEAGUE', label: '直辖市团委' },
  { value: 'CITY_LEAGUE', label: '市级团委' },
  { value: 'DISTRICT_LEAGUE', label: '区县团委' },
  { value: 'UNIVERSITY_LEAGUE', label: '高校团委' },
  { value: 'HOSPITAL_LEAGUE', label: '医院团委' },
  { value: 'PARTNER_UNIT', label: '合作单位' },
])

const LEAGUES = [ORG_TYPE.PROVINCE_LEAGUE, ORG_TYPE.MUNICIPALITY_LEAGUE, ORG_TYPE.CITY_LEAGUE, ORG_TYPE.DISTRICT_LEAGUE]

/** Whether an org of type `child` may be created under a parent of type `parent`. */
export function mayHangUnder(child, parent) {
  if (!parent || !Object.hasOwn(ORG_TYPE, parent)) return false
  switch (child) {
    case ORG_TYPE.CITY_LEAGUE:
      return parent === ORG_TYPE.PROVINCE_LEAGUE
    case ORG_TYPE.MUNICIPALITY_LEAGUE:
      return parent === ORG_TYPE.PROVINCE_LEAGUE
    case ORG_TYPE.DISTRICT_LEAGUE:
      // a municipality's districts and counties sit directly under it
      return parent === ORG_TYPE.CITY_LEAGUE || parent === ORG_TYPE.MUNICIPALITY_LEAGUE
    case ORG_TYPE.UNIVERSITY_LEAGUE:
    case ORG_TYPE.HOSPITAL_LEAGUE:
      return LEAGUES.includes(parent)
    case ORG_TYPE.PARTNER_UNIT:
      return parent !== ORG_TYPE.PARTNER_UNIT
    default:
      // the root (a province's or a municipality's league) is made by the bootstrap; unknown types are the server's to judge
      return false
  }
}

/** The options (e.g. from /orgs/types) that may be created under a parent of the given type, in order. */
export function allowedChildTypes(parentType, options = ORG_TYPE_OPTIONS) {
  return options.filter((o) => mayHangUnder(o.value, parentType))
}
