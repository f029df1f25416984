//! Why a written schedule can't be used. Every message quotes the value as written, so a
//! registry author can find it in the file without a line number.

use thiserror::Error;

use crate::model::ScheduleSpec;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ScheduleError {
    #[error("unknown weekday \"{value}\"{}", did_you_mean(*.suggestion))]
    UnknownWeekday {
        value: String,
        suggestion: Option<&'static str>,
    },
    #[error("\"{value}\" is not a time (HH:MM)")]
    BadTime { value: String },
    #[error("\"{value}\" is not a date (YYYY-MM-DD)")]
    BadDate { value: String },
    #[error("unknown time zone \"{name}\"{}", did_you_mean(*.suggestion))]
    UnknownZone {
        name: String,
        suggestion: Option<&'static str>,
    },
    /// The name is in the IANA database too, but as a fixed offset or a different region than
    /// people mean by it (`EST` there never observes daylight saving time).
    #[error("time zone \"{name}\" is an abbreviation; write the IANA name (did you mean {zone}?)")]
    AbbreviatedZone { name: String, zone: &'static str },
    #[error("anchor {anchor} is a {weekday}, not one of the meeting days ({days})")]
    AnchorNotMeetingDay {
        anchor: String,
        weekday: String,
        days: String,
    },
    #[error("\"{value}\" is not a day (write \"thursday\", \"2nd thursday\" or \"last friday\")")]
    BadDay { value: String },
    #[error("\"{value}\": ordinal must be 1st..5th or last")]
    BadOrdinal { value: String },
    #[error("\"{value}\" names a weekday of the month, which needs every: month")]
    OrdinalNeedsMonth { value: String },
    #[error(
        "\"{value}\" needs an ordinal for a monthly meeting (1st..5th or last, as in \"2nd thursday\")"
    )]
    MissingOrdinal { value: String },
    #[error("every: {every} needs at least one day in \"on\"")]
    NoDays { every: &'static str },
    #[error("every: once needs a date")]
    MissingDate,
    #[error("interval {value} must be between 1 and {max} weeks")]
    BadInterval { value: u32, max: u32 },
    #[error("minutes {value} must be between 1 and {max}")]
    BadMinutes { value: u32, max: u32 },
    #[error("\"{field}\" does not apply to every: {every}")]
    NotApplicable {
        field: &'static str,
        every: &'static str,
    },
}

impl ScheduleError {
    /// The `schedule` key the error is about, so validation can point at it rather than at
    /// the whole schedule. `spec` tells an anchor from a one-off date when a date is bad.
    pub fn key(&self, spec: &ScheduleSpec) -> &'static str {
        use ScheduleError as E;
        match self {
            E::UnknownWeekday { .. } | E::BadDay { .. } | E::BadOrdinal { .. } => "on",
            E::OrdinalNeedsMonth { .. } | E::MissingOrdinal { .. } | E::NoDays { .. } => "on",
            E::BadTime { .. } => "at",
            E::UnknownZone { .. } | E::AbbreviatedZone { .. } => "zone",
            E::AnchorNotMeetingDay { .. } => "anchor",
            E::BadInterval { .. } => "interval",
            E::BadMinutes { .. } => "minutes",
            E::NotApplicable { field, .. } => field,
            E::BadDate { value } if spec.anchor.as_deref() == Some(value) => "anchor",
            E::BadDate { .. } | E::MissingDate => "date",
        }
    }
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion
        .map(|s| format!(" (did you mean {s}?)"))
        .unwrap_or_default()
}
