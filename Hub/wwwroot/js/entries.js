// One line of text for a log entry or a timeline row, in the chosen language, built only from
// textContent-safe strings (the views never put entry text into HTML).

import { formatDate, lang, t } from './i18n.js';
import { agencyName, districtName, hazardName } from './reference.js';

/** The sentence for a log entry as the shared timeline shows it. */
export function describeEntry(entry) {
  const d = entry.data ?? {};
  switch (entry.type) {
    case 'IncidentReported':
      return t('ev.IncidentReported', {
        title: d.title, hazard: hazardName(d.hazard), district: districtName(d.location?.district), severity: t(`Severity.${d.severity}`),
      });
    case 'AgencyAlerted':
      return t('ev.AgencyAlerted', { agency: agencyName(d.agency), title: d.title });
    case 'AlertAcknowledged':
      return t('ev.AlertAcknowledged', { agency: agencyName(d.agency), by: d.acknowledgedBy });
    case 'IncidentUpdated':
      return t('ev.IncidentUpdated', { agency: agencyName(d.agency), text: d.text });
    case 'IncidentStatusChanged':
      return t('ev.IncidentStatusChanged', { from: t(`Status.${d.from}`), to: t(`Status.${d.to}`) });
    case 'ClearanceChanged':
      return t('ev.ClearanceChanged', { agencies: agencyList(d.clearedAgencies ?? []), reason: d.reason });
    case 'AlertEscalated':
      return t('ev.AlertEscalated', { agency: agencyName(d.agency), level: d.level });
    case 'AlertReminderSent':
      return t('ev.AlertReminderSent', { agency: agencyName(d.agency), n: d.reminder });
    case 'AgencyUnreachable':
      return t('ev.AgencyUnreachable', { agency: agencyName(d.agency) });
    case 'PlanActivated':
      return t('ev.PlanActivated', { plan: `${lang() === 'ar' ? d.titleAr : d.titleEn} (${d.planCode})` });
    case 'PlanStoodDown':
      return t('ev.PlanStoodDown', { plan: d.planCode, reason: d.reason });
    case 'TaskAssigned':
      return t('ev.TaskAssigned', { agency: agencyName(d.agency), task: lang() === 'ar' ? d.titleAr : d.titleEn });
    case 'TaskAcknowledged':
    case 'TaskCompleted':
    case 'TaskProgressed':
      return t(`ev.${entry.type}`, { agency: agencyName(d.agency), task: `${d.planCode}/${d.taskId}`, note: d.note ?? '' });
    case 'TaskEscalated':
      return t('ev.TaskEscalated', { agency: agencyName(d.agency), task: `${d.planCode}/${d.taskId}`, level: d.level });
    case 'RiskReviewOverdue':
      return t('ev.RiskReviewOverdue', { code: d.code, agency: agencyName(d.leadAgency), date: formatDate(d.nextReview) });
    case 'RiskReviewReminderSent':
      return t('ev.RiskReviewReminderSent', { code: d.code, agency: agencyName(d.leadAgency) });
    case 'RiskReviewEscalated':
      return t('ev.RiskReviewEscalated', { code: d.code, agency: agencyName(d.leadAgency), level: d.level });
    case 'RiskReviewed':
      return t('ev.RiskReviewed', { code: d.risk?.code, date: formatDate(d.risk?.nextReview) });
    case 'ImprovementItemRecorded':
      return t('ev.ImprovementItemRecorded', { agency: agencyName(d.item?.ownerAgency), action: lang() === 'ar' ? d.item?.actionAr : d.item?.actionEn, date: formatDate(d.item?.dueDate) });
    case 'ImprovementItemCompleted':
      return t('ev.ImprovementItemCompleted', { agency: agencyName(d.ownerAgency), note: d.note });
    case 'ImprovementItemRescheduled':
      return t('ev.ImprovementItemRescheduled', { agency: agencyName(d.ownerAgency), date: formatDate(d.dueDate), reason: d.reason });
    case 'ImprovementItemOverdue':
      return t('ev.ImprovementItemOverdue', { agency: agencyName(d.ownerAgency), action: lang() === 'ar' ? d.actionAr : d.actionEn, date: formatDate(d.dueDate) });
    case 'ImprovementItemReminderSent':
      return t('ev.ImprovementItemReminderSent', { agency: agencyName(d.ownerAgency), date: formatDate(d.dueDate) });
    case 'ImprovementItemEscalated':
      return t('ev.ImprovementItemEscalated', { agency: agencyName(d.ownerAgency), level: d.level });
    case 'MeetingRecorded':
      return t('ev.MeetingRecorded', { date: formatDate(d.meeting?.heldOn), n: d.meeting?.actionItems?.length ?? 0 });
    case 'CapabilitiesDeclared':
      return t('ev.CapabilitiesDeclared', { agency: agencyName(d.agency), n: d.holdings?.length ?? 0 });
    default:
      return t('ev.other', { type: entry.type });
  }
}

/** The sentence for a row of an incident's stored timeline (GET /api/incidents/{incidentId}); its summary is data, not prose. */
export function describeTimelineRow(row) {
  switch (row.type) {
    case 'IncidentReported':
      return t('tl.IncidentReported', { title: row.summary });
    case 'AgencyAlerted':
      return t('tl.AgencyAlerted', { agency: agencyName(row.summary) });
    case 'AlertAcknowledged':
      return t('ev.AlertAcknowledged', { agency: agencyName(row.summary.split(':')[0]), by: row.actor });
    case 'IncidentUpdated':
      return t('ev.IncidentUpdated', { agency: agencyName(row.agency), text: row.summary });
    case 'IncidentStatusChanged': {
      const [, from, to] = /^(\w+) → (\w+)/u.exec(row.summary) ?? [];
      return t('ev.IncidentStatusChanged', { from: t(`Status.${from}`), to: t(`Status.${to}`) });
    }
    case 'ClearanceChanged': {
      // "+[granted] -[revoked] = [cleared]: reason"
      const [, cleared, reason] = /= \[([^\]]*)\]: (.*)$/su.exec(row.summary) ?? [];
      return t('ev.ClearanceChanged', { agencies: agencyList(cleared ? cleared.split(', ') : []), reason });
    }
    case 'AlertEscalated': {
      const [, agency, level] = /^(\S+) → .*\((\d+)\)$/u.exec(row.summary) ?? [];
      return t('ev.AlertEscalated', { agency: agencyName(agency), level });
    }
    case 'AlertReminderSent': {
      const [, agency, n] = /^(\S+) \((\d+)\)$/u.exec(row.summary) ?? [];
      return t('ev.AlertReminderSent', { agency: agencyName(agency), n });
    }
    case 'AgencyUnreachable':
      return t('ev.AgencyUnreachable', { agency: agencyName(row.summary) });
    case 'PlanActivated':
      return t('ev.PlanActivated', { plan: row.summary.split(' ')[0] });
    case 'PlanStoodDown': {
      const [, plan, reason] = /^([^:]+): ([\s\S]*)$/u.exec(row.summary) ?? [];
      return t('ev.PlanStoodDown', { plan, reason });
    }
    case 'TaskAssigned':
    case 'TaskAcknowledged':
    case 'TaskProgressed':
    case 'TaskCompleted': {
      // "agency: plan/task" and, after a second colon, the note.
      const [, agency, task, note] = /^([^:]+): ([^:]+?)(?:: ([\s\S]*))?$/u.exec(row.summary) ?? [];
      return t(`ev.${row.type}`, { agency: agencyName(agency), task, note: note ?? '' });
    }
    case 'TaskEscalated': {
      const [, agency, task, level] = /^([^:]+): (\S+) → .*\((\d+)\)$/u.exec(row.summary) ?? [];
      return t('ev.TaskEscalated', { agency: agencyName(agency), task, level });
    }
    default:
      return row.summary;
  }
}

const agencyList = (codes) => codes.map(agencyName).join(document.documentElement.lang === 'ar' ? '، ' : ', ');

export const isExerciseEntry = (entry) => Boolean(entry.metadata?.isExercise || entry.data?.isExercise);
