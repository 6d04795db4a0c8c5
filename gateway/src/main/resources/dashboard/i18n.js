// The reader's language: Vietnamese unless the URL says ?lang=en. Links keep the parameter.
const params = new URLSearchParams(location.search);
export const lang = params.get('lang') === 'en' ? 'en' : 'vi';
export const locale = lang === 'en' ? 'en-GB' : 'vi-VN';

const words = {
  vi: {
    country: 'Cả nước',
    title: 'Thống kê giải quyết hồ sơ thủ tục hành chính',
    switchLanguage: 'English',
    period: 'Kỳ báo cáo',
    periodHint: 'YYYY, YYYY-Qn, YYYY-MM hoặc YYYY-MM-DD',
    show: 'Xem',
    asOf: 'Số liệu tính đến',
    provinces: '34 tỉnh, thành phố',
    leaderboard: 'Bảng xếp hạng',
    live: 'Trực tiếp',
    reconnecting: 'Đang kết nối lại…',
    rank: 'Hạng',
    unit: 'Đơn vị',
    code: 'Mã',
    value: 'Giá trị',
    volume: 'Số hồ sơ',
    movement: 'Thay đổi hạng',
    movementNew: 'mới',
    unranked: 'Chưa xếp hạng (dưới số hồ sơ tối thiểu)',
    onTimeRate: 'Tỉ lệ đúng hạn',
    progressScore: 'Điểm tiến độ (tối đa 20)',
    onlineShare: 'Tỉ lệ trực tuyến',
    digitizedShare: 'Tỉ lệ số hóa',
    paidOnlineShare: 'Tỉ lệ thanh toán trực tuyến',
    overdue: 'Đang quá hạn',
    receivedNew: 'Mới tiếp nhận',
    carriedOver: 'Kỳ trước chuyển sang',
    online: 'Trực tuyến',
    direct: 'Trực tiếp',
    postal: 'Bưu chính',
    totalToProcess: 'Tổng số phải giải quyết',
    early: 'Trước hạn',
    onTime: 'Đúng hạn',
    late: 'Trễ hạn',
    endedTotal: 'Đã giải quyết',
    withinDeadline: 'Đang xử lý trong hạn',
    inProgressTotal: 'Đang xử lý',
    received: 'Tiếp nhận',
    ended: 'Đã giải quyết',
    inProgress: 'Đang giải quyết',
    rates: 'Tỉ lệ và điểm',
    report: 'Báo cáo kỳ',
    children: 'Đơn vị trực thuộc',
    noChildren: 'Không có đơn vị trực thuộc.',
    series: 'Tỉ lệ đúng hạn theo tháng',
    month: 'Tháng',
    place: 'Vị trí trên bảng xếp hạng',
    notRanked: 'Chưa được xếp hạng trong kỳ này.',
    of: 'trên',
    csv: 'Tải CSV',
    openData: 'Dữ liệu mở',
    api: 'API (JSON)',
    level: 'Cấp',
    PROVINCE: 'Tỉnh, thành phố',
    COMMUNE: 'Xã, phường',
    DEPARTMENT: 'Sở, ban, ngành',
    MINISTRY: 'Bộ, ngành',
    DISTRICT: 'Huyện',
    ON_TIME_RATE: 'Tỉ lệ đúng hạn',
    PROGRESS_SCORE: 'Điểm tiến độ',
    ONLINE_SHARE: 'Tỉ lệ trực tuyến',
    indicator: 'Chỉ tiêu',
    error: 'Không tải được số liệu',
    sortBy: 'Sắp xếp theo',
    loading: 'Đang tải…',
    unitNotFound: 'Không có đơn vị này.',
    back: 'Cả nước',
    none: '—',
  },
  en: {
    country: 'Whole country',
    title: 'Public-service dossier statistics',
    switchLanguage: 'Tiếng Việt',
    period: 'Period',
    periodHint: 'YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD',
    show: 'Show',
    asOf: 'Figures as of',
    provinces: 'The 34 provinces',
    leaderboard: 'Leaderboard',
    live: 'Live',
    reconnecting: 'Reconnecting…',
    rank: 'Rank',
    unit: 'Unit',
    code: 'Code',
    value: 'Value',
    volume: 'Dossiers',
    movement: 'Rank change',
    movementNew: 'new',
    unranked: 'Unranked (below the minimum volume)',
    onTimeRate: 'On-time rate',
    progressScore: 'Progress score (of 20)',
    onlineShare: 'Online share',
    digitizedShare: 'Digitised share',
    paidOnlineShare: 'Paid online share',
    overdue: 'Overdue now',
    receivedNew: 'Received',
    carriedOver: 'Carried over',
    online: 'Online',
    direct: 'In person',
    postal: 'Postal',
    totalToProcess: 'Total to process',
    early: 'Early',
    onTime: 'On time',
    late: 'Late',
    endedTotal: 'Ended',
    withinDeadline: 'In progress within deadline',
    inProgressTotal: 'In progress',
    received: 'Received',
    ended: 'Ended',
    inProgress: 'In progress',
    rates: 'Rates and score',
    report: 'Period report',
    children: 'Units under it',
    noChildren: 'No units under it.',
    series: 'On-time rate by month',
    month: 'Month',
    place: 'Place on the leaderboard',
    notRanked: 'Not ranked in this period.',
    of: 'of',
    csv: 'Download CSV',
    openData: 'Open data',
    api: 'API (JSON)',
    level: 'Level',
    PROVINCE: 'Province',
    COMMUNE: 'Commune',
    DEPARTMENT: 'Department',
    MINISTRY: 'Ministry',
    DISTRICT: 'District',
    ON_TIME_RATE: 'On-time rate',
    PROGRESS_SCORE: 'Progress score',
    ONLINE_SHARE: 'Online share',
    indicator: 'Indicator',
    error: 'The figures could not be loaded',
    sortBy: 'Sort by',
    loading: 'Loading…',
    unitNotFound: 'No such unit.',
    back: 'Whole country',
    none: '—',
  },
};

export function t(key) {
  return words[lang][key] ?? key;
}

/** A link within the dashboard that keeps the language (and the given parameters). */
export function href(path, parameters = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== null && value !== undefined && value !== '') query.set(name, value);
  }
  if (lang === 'en') query.set('lang', 'en');
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The same page in the other language. */
export function otherLanguageHref() {
  const query = new URLSearchParams(location.search);
  if (lang === 'en') query.delete('lang'); else query.set('lang', 'en');
  const text = query.toString();
  return text ? `${location.pathname}?${text}` : location.pathname;
}

/** Fills every element with data-i18n with its words. */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((element) => {
    element.placeholder = t(element.dataset.i18nPlaceholder);
  });
}
