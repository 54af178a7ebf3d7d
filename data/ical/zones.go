package ical

import (
	"strconv"
	"strings"
	"time"

	"github.com/bothand/bothand/data/zone"
)

// windowsZones maps the Windows time-zone names Outlook and Exchange write
// as TZIDs ("GMT Standard Time") to IANA zones, after the Unicode CLDR's
// windowsZones table (its "001" territory: each name's main zone). The
// order is kept so a VTIMEZONE matched by its offsets prefers the most
// common zone.
var windowsZones = [][2]string{
	{"Dateline Standard Time", "Etc/GMT+12"},
	{"UTC-11", "Etc/GMT+11"},
	{"Aleutian Standard Time", "America/Adak"},
	{"Hawaiian Standard Time", "Pacific/Honolulu"},
	{"Marquesas Standard Time", "Pacific/Marquesas"},
	{"Alaskan Standard Time", "America/Anchorage"},
	{"UTC-09", "Etc/GMT+9"},
	{"Pacific Standard Time (Mexico)", "America/Tijuana"},
	{"UTC-08", "Etc/GMT+8"},
	{"Pacific Standard Time", "America/Los_Angeles"},
	{"US Mountain Standard Time", "America/Phoenix"},
	{"Mountain Standard Time (Mexico)", "America/Mazatlan"},
	{"Mountain Standard Time", "America/Denver"},
	{"Yukon Standard Time", "America/Whitehorse"},
	{"Central America Standard Time", "America/Guatemala"},
	{"Central Standard Time", "America/Chicago"},
	{"Easter Island Standard Time", "Pacific/Easter"},
	{"Central Standard Time (Mexico)", "America/Mexico_City"},
	{"Canada Central Standard Time", "America/Regina"},
	{"SA Pacific Standard Time", "America/Bogota"},
	{"Eastern Standard Time (Mexico)", "America/Cancun"},
	{"Eastern Standard Time", "America/New_York"},
	{"Haiti Standard Time", "America/Port-au-Prince"},
	{"Cuba Standard Time", "America/Havana"},
	{"US Eastern Standard Time", "America/Indiana/Indianapolis"},
	{"Turks And Caicos Standard Time", "America/Grand_Turk"},
	{"Paraguay Standard Time", "America/Asuncion"},
	{"Atlantic Standard Time", "America/Halifax"},
	{"Venezuela Standard Time", "America/Caracas"},
	{"Central Brazilian Standard Time", "America/Cuiaba"},
	{"SA Western Standard Time", "America/La_Paz"},
	{"Pacific SA Standard Time", "America/Santiago"},
	{"Newfoundland Standard Time", "America/St_Johns"},
	{"Tocantins Standard Time", "America/Araguaina"},
	{"E. South America Standard Time", "America/Sao_Paulo"},
	{"SA Eastern Standard Time", "America/Cayenne"},
	{"Argentina Standard Time", "America/Argentina/Buenos_Aires"},
	{"Greenland Standard Time", "America/Nuuk"},
	{"Montevideo Standard Time", "America/Montevideo"},
	{"Magallanes Standard Time", "America/Punta_Arenas"},
	{"Saint Pierre Standard Time", "America/Miquelon"},
	{"Bahia Standard Time", "America/Bahia"},
	{"UTC-02", "Etc/GMT+2"},
	{"Mid-Atlantic Standard Time", "Etc/GMT+2"},
	{"Azores Standard Time", "Atlantic/Azores"},
	{"Cape Verde Standard Time", "Atlantic/Cape_Verde"},
	{"UTC", "Etc/UTC"},
	{"GMT Standard Time", "Europe/London"},
	{"Greenwich Standard Time", "Atlantic/Reykjavik"},
	{"Sao Tome Standard Time", "Africa/Sao_Tome"},
	{"Morocco Standard Time", "Africa/Casablanca"},
	{"W. Europe Standard Time", "Europe/Berlin"},
	{"Central Europe Standard Time", "Europe/Budapest"},
	{"Romance Standard Time", "Europe/Paris"},
	{"Central European Standard Time", "Europe/Warsaw"},
	{"W. Central Africa Standard Time", "Africa/Lagos"},
	{"Jordan Standard Time", "Asia/Amman"},
	{"GTB Standard Time", "Europe/Bucharest"},
	{"Middle East Standard Time", "Asia/Beirut"},
	{"Egypt Standard Time", "Africa/Cairo"},
	{"E. Europe Standard Time", "Europe/Chisinau"},
	{"Syria Standard Time", "Asia/Damascus"},
	{"West Bank Standard Time", "Asia/Hebron"},
	{"South Africa Standard Time", "Africa/Johannesburg"},
	{"FLE Standard Time", "Europe/Kyiv"},
	{"Israel Standard Time", "Asia/Jerusalem"},
	{"South Sudan Standard Time", "Africa/Juba"},
	{"Kaliningrad Standard Time", "Europe/Kaliningrad"},
	{"Sudan Standard Time", "Africa/Khartoum"},
	{"Libya Standard Time", "Africa/Tripoli"},
	{"Namibia Standard Time", "Africa/Windhoek"},
	{"Arabic Standard Time", "Asia/Baghdad"},
	{"Turkey Standard Time", "Europe/Istanbul"},
	{"Arab Standard Time", "Asia/Riyadh"},
	{"Belarus Standard Time", "Europe/Minsk"},
	{"Russian Standard Time", "Europe/Moscow"},
	{"E. Africa Standard Time", "Africa/Nairobi"},
	{"Volgograd Standard Time", "Europe/Volgograd"},
	{"Iran Standard Time", "Asia/Tehran"},
	{"Arabian Standard Time", "Asia/Dubai"},
	{"Astrakhan Standard Time", "Europe/Astrakhan"},
	{"Azerbaijan Standard Time", "Asia/Baku"},
	{"Russia Time Zone 3", "Europe/Samara"},
	{"Mauritius Standard Time", "Indian/Mauritius"},
	{"Saratov Standard Time", "Europe/Saratov"},
	{"Georgian Standard Time", "Asia/Tbilisi"},
	{"Caucasus Standard Time", "Asia/Yerevan"},
	{"Afghanistan Standard Time", "Asia/Kabul"},
	{"West Asia Standard Time", "Asia/Tashkent"},
	{"Ekaterinburg Standard Time", "Asia/Yekaterinburg"},
	{"Pakistan Standard Time", "Asia/Karachi"},
	{"Qyzylorda Standard Time", "Asia/Qyzylorda"},
	{"India Standard Time", "Asia/Kolkata"},
	{"Sri Lanka Standard Time", "Asia/Colombo"},
	{"Nepal Standard Time", "Asia/Kathmandu"},
	{"Central Asia Standard Time", "Asia/Almaty"},
	{"Bangladesh Standard Time", "Asia/Dhaka"},
	{"Omsk Standard Time", "Asia/Omsk"},
	{"Myanmar Standard Time", "Asia/Yangon"},
	{"SE Asia Standard Time", "Asia/Bangkok"},
	{"Altai Standard Time", "Asia/Barnaul"},
	{"W. Mongolia Standard Time", "Asia/Hovd"},
	{"North Asia Standard Time", "Asia/Krasnoyarsk"},
	{"N. Central Asia Standard Time", "Asia/Novosibirsk"},
	{"Tomsk Standard Time", "Asia/Tomsk"},
	{"China Standard Time", "Asia/Shanghai"},
	{"North Asia East Standard Time", "Asia/Irkutsk"},
	{"Singapore Standard Time", "Asia/Singapore"},
	{"W. Australia Standard Time", "Australia/Perth"},
	{"Taipei Standard Time", "Asia/Taipei"},
	{"Ulaanbaatar Standard Time", "Asia/Ulaanbaatar"},
	{"Aus Central W. Standard Time", "Australia/Eucla"},
	{"Transbaikal Standard Time", "Asia/Chita"},
	{"Tokyo Standard Time", "Asia/Tokyo"},
	{"North Korea Standard Time", "Asia/Pyongyang"},
	{"Korea Standard Time", "Asia/Seoul"},
	{"Yakutsk Standard Time", "Asia/Yakutsk"},
	{"Cen. Australia Standard Time", "Australia/Adelaide"},
	{"AUS Central Standard Time", "Australia/Darwin"},
	{"E. Australia Standard Time", "Australia/Brisbane"},
	{"AUS Eastern Standard Time", "Australia/Sydney"},
	{"West Pacific Standard Time", "Pacific/Port_Moresby"},
	{"Tasmania Standard Time", "Australia/Hobart"},
	{"Vladivostok Standard Time", "Asia/Vladivostok"},
	{"Lord Howe Standard Time", "Australia/Lord_Howe"},
	{"Bougainville Standard Time", "Pacific/Bougainville"},
	{"Russia Time Zone 10", "Asia/Srednekolymsk"},
	{"Magadan Standard Time", "Asia/Magadan"},
	{"Norfolk Standard Time", "Pacific/Norfolk"},
	{"Sakhalin Standard Time", "Asia/Sakhalin"},
	{"Central Pacific Standard Time", "Pacific/Guadalcanal"},
	{"Russia Time Zone 11", "Asia/Kamchatka"},
	{"New Zealand Standard Time", "Pacific/Auckland"},
	{"UTC+12", "Etc/GMT-12"},
	{"Fiji Standard Time", "Pacific/Fiji"},
	{"Chatham Islands Standard Time", "Pacific/Chatham"},
	{"UTC+13", "Etc/GMT-13"},
	{"Tonga Standard Time", "Pacific/Tongatapu"},
	{"Samoa Standard Time", "Pacific/Apia"},
	{"Line Islands Standard Time", "Pacific/Kiritimati"},
}

// resolveTZID finds the IANA zone for a TZID in an imported calendar:
// IANA names as Google and Thunderbird write them, Windows names as
// Outlook does, old path-like names ("/mozilla.org/20050126_1/Europe/London"),
// the VTIMEZONE's X-LIC-LOCATION, and last the zone whose offsets and
// change month match the VTIMEZONE. guessed is true for that last way, and
// name is "" when nothing fits.
func resolveTZID(tzid string, vtz *component, year int) (name string, guessed bool) {
	tzid = strings.Trim(strings.TrimSpace(tzid), `"`)
	if tzid == "" {
		return "", false
	}
	if zone.Valid(tzid) {
		return tzid, false
	}
	for _, wz := range windowsZones {
		if strings.EqualFold(wz[0], tzid) {
			return wz[1], false
		}
	}
	if parts := strings.Split(strings.Trim(tzid, "/"), "/"); len(parts) > 1 {
		for i := range parts {
			if cand := strings.Join(parts[i:], "/"); strings.Contains(cand, "/") && zone.Valid(cand) {
				return cand, false
			}
		}
	}
	if vtz == nil {
		return "", false
	}
	if p := vtz.prop("X-LIC-LOCATION"); p != nil && zone.Valid(p.value) {
		return p.value, false
	}
	if name := matchVTimezone(vtz, year); name != "" {
		return name, true
	}
	return "", false
}

// matchVTimezone picks the first zone of windowsZones whose winter and
// summer offsets in year, and the month its clocks go forward, are the
// VTIMEZONE's.
func matchVTimezone(vtz *component, year int) string {
	std, dst, month := 0, 0, 0
	hasStd, hasDst := false, false
	for _, sub := range vtz.children {
		off, ok := parseOffset(sub.value("TZOFFSETTO"))
		if !ok {
			continue
		}
		switch sub.name {
		case "STANDARD":
			std, hasStd = off, true
		case "DAYLIGHT":
			dst, hasDst = off, true
			if rule := sub.value("RRULE"); rule != "" {
				for _, part := range strings.Split(strings.ToUpper(rule), ";") {
					if v, ok := strings.CutPrefix(part, "BYMONTH="); ok {
						month, _ = strconv.Atoi(v)
					}
				}
			} else if v := sub.value("DTSTART"); len(v) >= 6 {
				month, _ = strconv.Atoi(v[4:6])
			}
		}
	}
	if !hasStd {
		return ""
	}
	offsetOn := func(loc *time.Location, m time.Month, d int) int {
		_, off := time.Date(year, m, d, 12, 0, 0, 0, loc).Zone()
		return off
	}
	for _, wz := range windowsZones {
		loc, err := zone.Load(wz[1])
		if err != nil {
			continue
		}
		jan, jul := offsetOn(loc, time.January, 15), offsetOn(loc, time.July, 15)
		if !hasDst {
			if jan == std && jul == std {
				return wz[1]
			}
			continue
		}
		if (jan != std || jul != dst) && (jan != dst || jul != std) {
			continue
		}
		if month >= 1 && month <= 12 {
			before, after := offsetOn(loc, time.Month(month), 1), offsetOn(loc, time.Month(month)+1, 1)
			if before != std || after != dst {
				continue
			}
		}
		return wz[1]
	}
	return ""
}

// parseOffset reads a UTC offset: "+0100", "-0500", "+053000".
func parseOffset(v string) (int, bool) {
	v = strings.TrimSpace(v)
	if len(v) != 5 && len(v) != 7 {
		return 0, false
	}
	sign := 1
	switch v[0] {
	case '-':
		sign = -1
	case '+':
	default:
		return 0, false
	}
	h, err1 := strconv.Atoi(v[1:3])
	m, err2 := strconv.Atoi(v[3:5])
	sec := 0
	var err3 error
	if len(v) == 7 {
		sec, err3 = strconv.Atoi(v[5:7])
	}
	if err1 != nil || err2 != nil || err3 != nil {
		return 0, false
	}
	return sign * (h*3600 + m*60 + sec), true
}
