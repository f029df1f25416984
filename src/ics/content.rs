//! The text layer of RFC 5545: escaping, line folding and the shapes of date-time and offset
//! values. Everything that decides how bytes look in the file lives here, so the other parts
//! of `ics` only say which properties to write.

use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::{Offset, TimeZone};

/// RFC 5545 §3.1: content lines SHOULD NOT be longer than 75 octets, excluding the line break.
const LINE_OCTETS: usize = 75;

/// A calendar file being written: one folded, CRLF-terminated content line at a time.
#[derive(Debug, Default)]
pub(super) struct Content {
    text: String,
}

impl Content {
    /// `name` may carry parameters (`DTSTART;TZID=Europe/Paris`); `value` is written as is,
    /// so it must already be in the property's value format.
    pub(super) fn line(&mut self, name: &str, value: &str) {
        self.text.push_str(&fold(&format!("{name}:{value}")));
        self.text.push_str("\r\n");
    }

    /// A TEXT property: registry strings can hold commas, semicolons and line breaks that
    /// would otherwise end the value or split it into a list.
    pub(super) fn text(&mut self, name: &str, value: &str) {
        self.line(name, &escape(value));
    }

    pub(super) fn begin(&mut self, component: &str) {
        self.line("BEGIN", component);
    }

    pub(super) fn end(&mut self, component: &str) {
        self.line("END", component);
    }

    pub(super) fn finish(self) -> String {
        self.text
    }
}

/// Escapes a TEXT value (RFC 5545 §3.3.11). Line breaks of any style become `\n`; other
/// control characters are dropped because TEXT may not contain them and the registry
/// boundary should already have removed them.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line (RFC 5545 §3.1) into pieces of at most 75 octets, each
/// continuation starting with a space. Splits fall between characters, never inside one, so
/// every piece stays valid UTF-8 for readers that decode line by line.
pub(super) fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 24);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out
}

/// A local (floating or TZID-qualified) DATE-TIME value, `20260101T090000`.
pub(super) fn local(dt: DateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second()
    )
}

/// A UTC DATE-TIME value, `20261121T000000Z`; fractions of a second are dropped because the
/// format has none.
pub(super) fn utc(instant: Timestamp) -> String {
    format!("{}Z", local(TimeZone::UTC.to_datetime(instant)))
}

/// A UTC-OFFSET value, `-0800`, with seconds only when the offset has them (old local mean
/// times do). Zero is `+0000`, since RFC 5545 forbids `-0000`.
pub(super) fn offset(offset: Offset) -> String {
    let total = offset.seconds();
    let sign = if total < 0 { '-' } else { '+' };
    let total = total.unsigned_abs();
    let (hours, minutes, seconds) = (total / 3600, total % 3600 / 60, total % 60);
    match seconds {
        0 => format!("{sign}{hours:02}{minutes:02}"),
        _ => format!("{sign}{hours:02}{minutes:02}{seconds:02}"),
    }
}

#[cfg(test)]
mod tests;
