package zone

import "testing"

func TestLocal(t *testing.T) {
	cases := []struct{ tz, want string }{
		{"Europe/London", "Europe/London"},
		{":America/New_York", "America/New_York"},
		{"/usr/share/zoneinfo/Australia/Sydney", "Australia/Sydney"},
		{"/usr/share/zoneinfo/posix/Europe/Paris", "Europe/Paris"},
		{"Not/AZone", ""},
	}
	for _, tc := range cases {
		got, ok := zoneFromTZ(tc.tz)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("TZ=%q: %q %v, want %q", tc.tz, got, ok, tc.want)
		}
	}
	t.Setenv("TZ", "Asia/Tokyo")
	if got := Local(); got != "Asia/Tokyo" {
		t.Errorf("Local with TZ=Asia/Tokyo: %q", got)
	}
}
