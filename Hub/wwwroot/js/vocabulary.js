// The hub's enumerations in the order the console lists them (their words are in i18n.js).

export const STATUSES = ['Reported', 'Acknowledged', 'Responding', 'Contained', 'Closed'];

/** Most severe first; a report is given one of the known ones, so the form leaves Unknown out. */
export const SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'];

/** The roles a user can be given, as the hub names them. */
export const ROLES = ['Operator', 'Liaison', 'Commander', 'Administrator'];

/** The kinds of agency the hub accepts (RegisterAgency.Kinds). */
export const AGENCY_KINDS = ['DutyOffice', 'Coordination', 'Response', 'Security', 'Humanitarian', 'Municipality', 'Utility'];
