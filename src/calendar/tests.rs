//! Reading the fixture calendars in tests/fixtures/calendars, as a person would check them
//! against the calendar app: which meetings, when, in which zone, cancelled or moved.
