//! How much of a feed townhall reads. Calendars come from strangers over the network; these
//! bounds keep a hostile or broken one from taking the memory or the time of the machine,
//! while leaving room for the largest real community calendars (the Kubernetes calendar holds
//! a few thousand events over ten years, a few megabytes).

/// A whole calendar file. Larger ones are refused, not cut: half a calendar would silently
/// drop meetings.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

/// One logical (unfolded) line; HTML descriptions with many links run to tens of kilobytes.
pub const MAX_LINE_BYTES: usize = 256 * 1024;

/// Events read from one file; the rest are reported, not read.
pub const MAX_EVENTS: usize = 50_000;

/// Components inside components (VCALENDAR > VEVENT > VALARM is 3).
pub const MAX_DEPTH: usize = 8;

/// Instances one series may yield in one expansion.
pub const MAX_INSTANCES_PER_SERIES: u16 = 5_000;

/// COUNT values beyond this are read as this: no meeting repeats more often over its life.
pub const MAX_COUNT: u32 = 10_000;

/// Values in one EXDATE or RDATE property, and RDATE/EXDATE lines in one event.
pub const MAX_DATES_PER_EVENT: usize = 5_000;

/// Occurrences one expansion of a whole calendar may yield.
pub const MAX_OCCURRENCES: usize = 200_000;

/// Series whose expansion was cut short, after which the remaining recurring series of the
/// calendar are not expanded: each one costs `rrule`'s own guard (100,000 empty periods).
pub const MAX_RUNAWAY_SERIES: usize = 8;
