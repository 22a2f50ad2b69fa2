// Front-line demand reports of a medical team (MiniDemandReportApi).
import { get, post } from './request'

export const recentReports = (teamId) => get(`/api/mini/teams/${teamId}/reports`)
export const sendReport = (teamId, body) => post(`/api/mini/teams/${teamId}/reports`, body)
