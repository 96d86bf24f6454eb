// Reference data the views name things with: hazards, districts, agencies and capabilities, loaded once per sign-in.

import { getKnown } from './api.js';
import { nameOf } from './i18n.js';

export const reference = { hazards: [], districts: [], agencies: [], capabilities: [], settings: {} };
const byCode = { hazard: new Map(), district: new Map(), agency: new Map(), capability: new Map() };

export async function loadReference() {
  const [hazards, districts, agencies, capabilities, settings] = await Promise.all([
    getKnown('/api/reference/hazards'),
    getKnown('/api/reference/districts'),
    getKnown('/api/reference/agencies'),
    getKnown('/api/reference/capabilities'),
    getKnown('/api/console/settings'),
  ]);
  Object.assign(reference, { hazards, districts, agencies, capabilities, settings });
  byCode.capability = new Map(capabilities.map((c) => [c.code, c]));
  byCode.hazard = new Map(hazards.map((h) => [h.type, h]));
  byCode.district = new Map(districts.map((d) => [d.code, d]));
  byCode.agency = new Map(agencies.map((a) => [a.code, a]));
}

export const districtsByCode = () => byCode.district;
export const hazardName = (type) => nameOf(byCode.hazard.get(type), type);
export const districtName = (code) => nameOf(byCode.district.get(code), code);
export const agencyName = (code) => nameOf(byCode.agency.get(code), code);
export const capabilityName = (code) => nameOf(byCode.capability.get(code), code);

/**
 * The agencies an incident can alert or clear: every one but the duty office, which sees every incident already and has
 * no liaison to acknowledge (the hub refuses it). One already `chosen` (from before that rule) stays, to be taken off.
 */
export const alertableAgencies = (chosen = []) => reference.agencies.filter((a) => a.kind !== 'DutyOffice' || chosen.includes(a.code));
