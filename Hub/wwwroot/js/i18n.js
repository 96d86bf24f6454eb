// Every word the console shows, in Arabic (the default) and English, and the formats for dates and
// numbers. Times are always shown in Libya's time zone, whatever the desk computer is set to.

const STORAGE_KEY = 'coordination.lang';
const TIME_ZONE = 'Africa/Tripoli';

const text = {
  ar: {
    'app.title': 'مركز التنسيق المشترك للحوادث',
    'lang.other': 'English',
    'conn.live': 'متصل مباشرة',
    'conn.reconnecting': 'جارٍ إعادة الاتصال…',
    'conn.offline': 'غير متصل',
    'signout': 'خروج',
    'signin.heading': 'تسجيل الدخول',
    'signin.user': 'اسم المستخدم',
    'signin.password': 'كلمة المرور',
    'signin.submit': 'دخول',
    'signin.failed': 'تعذّر تسجيل الدخول.',
    'role.Operator': 'مكتب المناوبة',
    'role.Liaison': 'ضابط اتصال',
    'role.Commander': 'قائد',
    'role.Administrator': 'مدير النظام',
    'admin.note': 'حساب مدير النظام يدير الجهات والمستخدمين عبر واجهة الإدارة؛ محتوى البلاغات متاح لمكتب المناوبة والقادة وضباط الاتصال.',
    'report.heading': 'بلاغ جديد',
    'report.hazard': 'نوع الخطر',
    'report.severity': 'درجة الخطورة',
    'report.urgency': 'الاستعجال',
    'report.certainty': 'درجة التأكد',
    'report.district': 'الشعبية',
    'report.district.hint': 'اكتب الاسم بالعربية أو بالإنجليزية',
    'report.municipality': 'البلدية',
    'report.latitude': 'خط العرض',
    'report.longitude': 'خط الطول',
    'report.point.hint': 'اختياري: انقر على الخريطة لتحديد الموقع',
    'report.title': 'العنوان',
    'report.description': 'الوصف',
    'report.exercise': 'تمرين (ليس حادثاً حقيقياً)',
    'report.submit': 'إرسال البلاغ',
    'report.choose': '— اختر —',
    'report.sent': 'سُجّل البلاغ {ref}.',
    'report.duplicate': 'البلاغ {ref} مسجّل من قبل.',
    'report.queued': 'لا يوجد اتصال: حُفظ البلاغ على هذا الجهاز وسيُرسل تلقائياً عند عودة الاتصال.',
    'outbox.pending': 'بلاغات بانتظار الإرسال: {n}',
    'outbox.sent': 'أُرسل بلاغ محفوظ: {ref}.',
    'outbox.refused': 'رُفض بلاغ محفوظ ({title}): {detail}',
    'form.invalid': 'راجع الحقول المعلّمة.',
    'board.heading': 'البلاغات المفتوحة',
    'board.all': 'الكل',
    'board.filter.status': 'الحالة',
    'board.filter.hazard': 'الخطر',
    'board.filter.district': 'الشعبية',
    'board.filter.severity': 'الخطورة',
    'board.col.ref': 'المرجع',
    'board.col.title': 'العنوان',
    'board.col.hazard': 'الخطر',
    'board.col.district': 'الشعبية',
    'board.col.severity': 'الخطورة',
    'board.col.status': 'الحالة',
    'board.col.alerts': 'التأكيدات',
    'board.col.updated': 'آخر تحديث',
    'board.empty': 'لا توجد بلاغات تطابق التصفية.',
    'inbox.heading': 'تنبيهات جهتي',
    'inbox.empty': 'لا توجد تنبيهات.',
    'inbox.ack': 'تأكيد الاستلام',
    'inbox.acked': 'أُكّد {time} ({by})',
    'inbox.due': 'التأكيد خلال {left}',
    'inbox.overdue': 'متأخر {late}',
    'inbox.new': 'تنبيه جديد: {title}',
    'inbox.open': 'عرض',
    'detail.heading': 'تفاصيل البلاغ',
    'detail.close': 'إغلاق',
    'detail.timeline': 'السجل الزمني',
    'detail.update': 'تحديث',
    'detail.update.submit': 'نشر التحديث',
    'detail.status': 'تغيير الحالة',
    'detail.status.submit': 'تغيير',
    'detail.reason': 'السبب',
    'detail.reported': 'أبلغ عنه {by} في {time}',
    'detail.alerts': 'الجهات المُنبَّهة',
    'timeline.heading': 'السجل الزمني المشترك',
    'timeline.empty': 'لا شيء بعد.',
    'map.heading': 'خريطة ليبيا',
    'map.label': 'خريطة ليبيا مع الشعبيات والبلاغات',
    'figures.heading': 'أداء الاستجابة لكل جهة (30 يوماً)',
    'figures.col.agency': 'الجهة',
    'figures.col.alerts': 'التنبيهات',
    'figures.col.acked': 'مؤكدة',
    'figures.col.median': 'الوسيط حتى التأكيد',
    'figures.col.p90': '90٪ حتى التأكيد',
    'figures.col.late': 'تأكيد متأخر',
    'figures.col.overdue': 'متأخرة الآن',
    'figures.empty': 'لا توجد تنبيهات في هذه الفترة.',
    'exercise': 'تمرين',
    'error.network': 'تعذّر الوصول إلى الخادم. سيُعاد المحاولة.',
    'error.generic': 'حدث خطأ: {detail}',
    'ev.IncidentReported': 'بلاغ جديد: {title} — {hazard}، {district} ({severity})',
    'tl.IncidentReported': 'بلاغ جديد: {title}',
    'tl.AgencyAlerted': 'تنبيه إلى {agency}',
    'ev.AgencyAlerted': 'تنبيه إلى {agency}: {title}',
    'ev.AlertAcknowledged': '{agency} أكّدت الاستلام ({by})',
    'ev.IncidentUpdated': 'تحديث من {agency}: {text}',
    'ev.IncidentStatusChanged': 'تغيّرت الحالة من {from} إلى {to}',
    'ev.AlertEscalated': 'تصعيد تنبيه {agency} إلى المستوى {level}',
    'ev.AlertReminderSent': 'تذكير إلى {agency} (رقم {n})',
    'ev.other': '{type}',
    'duration.s': '{n} ث',
    'duration.m': '{m} د {s} ث',
    'duration.h': '{h} س {m} د',
    'Severity.Unknown': 'غير معروفة',
    'Severity.Minor': 'طفيفة',
    'Severity.Moderate': 'متوسطة',
    'Severity.Severe': 'شديدة',
    'Severity.Extreme': 'قصوى',
    'Urgency.Unknown': 'غير معروف',
    'Urgency.Past': 'انتهى',
    'Urgency.Future': 'لاحقاً',
    'Urgency.Expected': 'متوقع قريباً',
    'Urgency.Immediate': 'فوري',
    'Certainty.Unknown': 'غير معروفة',
    'Certainty.Unlikely': 'غير مرجح',
    'Certainty.Possible': 'محتمل',
    'Certainty.Likely': 'مرجح',
    'Certainty.Observed': 'مُشاهد',
    'Status.Reported': 'مُبلّغ',
    'Status.Acknowledged': 'مُستلم',
    'Status.Responding': 'قيد الاستجابة',
    'Status.Contained': 'تحت السيطرة',
    'Status.Closed': 'مغلق',
  },
  en: {
    'app.title': 'Joint Incident Coordination Hub',
    'lang.other': 'العربية',
    'conn.live': 'Live',
    'conn.reconnecting': 'Reconnecting…',
    'conn.offline': 'Offline',
    'signout': 'Sign out',
    'signin.heading': 'Sign in',
    'signin.user': 'User name',
    'signin.password': 'Password',
    'signin.submit': 'Sign in',
    'signin.failed': 'Sign-in failed.',
    'role.Operator': 'Duty office',
    'role.Liaison': 'Liaison',
    'role.Commander': 'Commander',
    'role.Administrator': 'Administrator',
    'admin.note': 'The administrator account keeps agencies and users through the administration API; incident content is for the duty office, commanders and liaisons.',
    'report.heading': 'New incident',
    'report.hazard': 'Hazard',
    'report.severity': 'Severity',
    'report.urgency': 'Urgency',
    'report.certainty': 'Certainty',
    'report.district': 'District',
    'report.district.hint': 'Type the name in Arabic or English',
    'report.municipality': 'Municipality',
    'report.latitude': 'Latitude',
    'report.longitude': 'Longitude',
    'report.point.hint': 'Optional: click the map to set the point',
    'report.title': 'Title',
    'report.description': 'Description',
    'report.exercise': 'Exercise (not a real incident)',
    'report.submit': 'Send report',
    'report.choose': '— choose —',
    'report.sent': 'Incident {ref} logged.',
    'report.duplicate': 'Incident {ref} was already logged.',
    'report.queued': 'No connection: the report is kept on this computer and will be sent when the link returns.',
    'outbox.pending': 'Reports waiting to be sent: {n}',
    'outbox.sent': 'A kept report was sent: {ref}.',
    'outbox.refused': 'A kept report ({title}) was refused: {detail}',
    'form.invalid': 'Check the marked fields.',
    'board.heading': 'Open incidents',
    'board.all': 'All',
    'board.filter.status': 'Status',
    'board.filter.hazard': 'Hazard',
    'board.filter.district': 'District',
    'board.filter.severity': 'Severity',
    'board.col.ref': 'Reference',
    'board.col.title': 'Title',
    'board.col.hazard': 'Hazard',
    'board.col.district': 'District',
    'board.col.severity': 'Severity',
    'board.col.status': 'Status',
    'board.col.alerts': 'Acknowledged',
    'board.col.updated': 'Last change',
    'board.empty': 'No incidents match the filters.',
    'inbox.heading': 'My agency\'s alerts',
    'inbox.empty': 'No alerts.',
    'inbox.ack': 'Acknowledge',
    'inbox.acked': 'Acknowledged {time} ({by})',
    'inbox.due': 'Acknowledge within {left}',
    'inbox.overdue': 'Overdue by {late}',
    'inbox.new': 'New alert: {title}',
    'inbox.open': 'Open',
    'detail.heading': 'Incident details',
    'detail.close': 'Close',
    'detail.timeline': 'Timeline',
    'detail.update': 'Update',
    'detail.update.submit': 'Post update',
    'detail.status': 'Change status',
    'detail.status.submit': 'Change',
    'detail.reason': 'Reason',
    'detail.reported': 'Reported by {by} at {time}',
    'detail.alerts': 'Agencies alerted',
    'timeline.heading': 'Shared timeline',
    'timeline.empty': 'Nothing yet.',
    'map.heading': 'Map of Libya',
    'map.label': 'Map of Libya with districts and incidents',
    'figures.heading': 'Response by agency (30 days)',
    'figures.col.agency': 'Agency',
    'figures.col.alerts': 'Alerts',
    'figures.col.acked': 'Acknowledged',
    'figures.col.median': 'Median to acknowledge',
    'figures.col.p90': '90% to acknowledge',
    'figures.col.late': 'Acknowledged late',
    'figures.col.overdue': 'Overdue now',
    'figures.empty': 'No alerts in this period.',
    'exercise': 'EXERCISE',
    'error.network': 'The hub cannot be reached. Retrying.',
    'error.generic': 'Something went wrong: {detail}',
    'ev.IncidentReported': 'New incident: {title} — {hazard}, {district} ({severity})',
    'tl.IncidentReported': 'New incident: {title}',
    'tl.AgencyAlerted': 'Alert to {agency}',
    'ev.AgencyAlerted': 'Alert to {agency}: {title}',
    'ev.AlertAcknowledged': '{agency} acknowledged ({by})',
    'ev.IncidentUpdated': 'Update from {agency}: {text}',
    'ev.IncidentStatusChanged': 'Status changed from {from} to {to}',
    'ev.AlertEscalated': '{agency} alert escalated to level {level}',
    'ev.AlertReminderSent': 'Reminder to {agency} (no. {n})',
    'ev.other': '{type}',
    'duration.s': '{n} s',
    'duration.m': '{m} min {s} s',
    'duration.h': '{h} h {m} min',
    'Severity.Unknown': 'Unknown',
    'Severity.Minor': 'Minor',
    'Severity.Moderate': 'Moderate',
    'Severity.Severe': 'Severe',
    'Severity.Extreme': 'Extreme',
    'Urgency.Unknown': 'Unknown',
    'Urgency.Past': 'Past',
    'Urgency.Future': 'Future',
    'Urgency.Expected': 'Expected soon',
    'Urgency.Immediate': 'Immediate',
    'Certainty.Unknown': 'Unknown',
    'Certainty.Unlikely': 'Unlikely',
    'Certainty.Possible': 'Possible',
    'Certainty.Likely': 'Likely',
    'Certainty.Observed': 'Observed',
    'Status.Reported': 'Reported',
    'Status.Acknowledged': 'Acknowledged',
    'Status.Responding': 'Responding',
    'Status.Contained': 'Contained',
    'Status.Closed': 'Closed',
  },
};

let current = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ar';
const listeners = [];

export const lang = () => current;

/** The text for a key with {placeholders} filled; the key itself when missing, so a gap is visible. */
export function t(key, args = {}) {
  const template = text[current][key] ?? text.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => (args[name] ?? '').toString());
}

export function setLang(next) {
  current = next === 'en' ? 'en' : 'ar';
  localStorage.setItem(STORAGE_KEY, current);
  apply();
  listeners.forEach((listener) => listener(current));
}

export const onLangChange = (listener) => listeners.push(listener);

/** Sets the page's language and direction and every element's text that carries data-i18n. */
export function apply(root = document) {
  document.documentElement.lang = current;
  document.documentElement.dir = current === 'ar' ? 'rtl' : 'ltr';
  document.title = t('app.title');
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nLabel)); });
}

const locale = () => (current === 'ar' ? 'ar-LY' : 'en-GB');

export function formatTime(value) {
  if (!value) return '';
  return new Intl.DateTimeFormat(locale(), { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'medium' }).format(new Date(value));
}

export const formatNumber = (value) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(value);

/** A duration in seconds as "4 min 05 s" (or its Arabic form). */
export function formatDuration(totalSeconds) {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return t('duration.s', { n: formatNumber(s) });
  if (s < 3600) return t('duration.m', { m: formatNumber(Math.floor(s / 60)), s: String(s % 60).padStart(2, '0') });
  return t('duration.h', { h: formatNumber(Math.floor(s / 3600)), m: formatNumber(Math.floor((s % 3600) / 60)) });
}

/** The name of a reference item (hazard, district, agency) in the current language. */
export const nameOf = (item, fallback = '') => (item ? (current === 'ar' ? item.nameAr : item.nameEn) : fallback);
