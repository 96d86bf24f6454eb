// The hub's enumerations in the order the console lists them (their words are in i18n.js).

export const STATUSES = ['Reported', 'Acknowledged', 'Responding', 'Contained', 'Closed'];

/** Most severe first; a report is given one of the known ones, so the form leaves Unknown out. */
export const SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'];

/** The roles a user can be given, as the hub names them. */
export const ROLES = ['Operator', 'Liaison', 'Commander', 'Administrator'];

/** The kinds of agency the hub accepts (RegisterAgency.Kinds). */
export const AGENCY_KINDS = ['DutyOffice', 'Coordination', 'Response', 'Security', 'Humanitarian', 'Municipality', 'Utility'];

/** The risk register's themes, confidences and impact dimensions, in the hub's order (Register/Risk.cs). */
export const THEMES = ['Natural', 'Accident', 'Societal', 'Malicious'];
export const CONFIDENCES = ['Low', 'Medium', 'High'];
export const IMPACT_DIMENSIONS = ['fatalities', 'casualties', 'displacement', 'economic', 'essentialServices', 'socialPsychological', 'environment', 'security'];
export const SCORES = [1, 2, 3, 4, 5];

/** The band of a likelihood x impact score (1-25): what the heat map colours and names a cell by. */
export const riskBand = (score) => (score >= 16 ? 'veryHigh' : score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low');

/** Each band's scores, lowest first, for the legend. */
export const RISK_BANDS = [['low', 1, 4], ['medium', 5, 9], ['high', 10, 15], ['veryHigh', 16, 25]];
