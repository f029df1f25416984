//! A rule in one line of plain English, normalised so that two registries writing the same
//! schedule differently read the same: "Monthly on the 2nd and 4th Thursday at 16:30 UTC".

use jiff::civil::Weekday;

use super::Rule;
use super::pattern::{MonthDay, Pattern};
use super::spec::weekday_name;

/// "Weekly on Thursday at 09:00 America/Los_Angeles, 60 min". The time is the meeting's own
/// wall clock in its own zone, as a registry would state it.
pub fn describe(rule: &Rule) -> String {
    format!(
        "{} at {} {}, {} min",
        days(rule.pattern()),
        rule.at().strftime("%H:%M"),
        rule.zone_name(),
        rule.minutes()
    )
}

fn days(pattern: &Pattern) -> String {
    match pattern {
        Pattern::Weekly { days } => format!("Weekly on {}", weekdays(days)),
        Pattern::EveryNWeeks {
            weeks: 1,
            anchor,
            days,
        } => format!("Weekly on {} (from {anchor})", weekdays(days)),
        Pattern::EveryNWeeks {
            weeks,
            anchor,
            days,
        } => format!("Every {weeks} weeks on {} (from {anchor})", weekdays(days)),
        Pattern::Monthly { days } => format!("Monthly on the {}", month_days(days)),
        Pattern::Once { date } => format!("Once on {} {date}", title(date.weekday())),
    }
}

fn weekdays(days: &[Weekday]) -> String {
    list(days.iter().map(|d| title(*d)).collect())
}

/// "2nd and 4th Thursday", "1st Monday and last Friday": ordinals of the same weekday share
/// its name. `days` comes sorted by weekday from `Rule::from_spec`.
fn month_days(days: &[MonthDay]) -> String {
    let groups = days.chunk_by(|a, b| a.weekday == b.weekday);
    let phrases = groups.map(|group| {
        let ordinals = group.iter().map(|d| d.nth.label().to_string()).collect();
        format!("{} {}", list(ordinals), title(group[0].weekday))
    });
    list(phrases.collect())
}

/// "A", "A and B", "A, B and C".
fn list(mut items: Vec<String>) -> String {
    let Some(last) = items.pop() else {
        return String::new();
    };
    if items.is_empty() {
        return last;
    }
    format!("{} and {last}", items.join(", "))
}

fn title(day: Weekday) -> String {
    let name = weekday_name(day);
    name[..1].to_uppercase() + &name[1..]
}

#[cfg(test)]
mod tests {
    use super::super::testing::{every_n_weeks, monthly, once, rule, weekly};
    use super::*;

    #[test]
    fn descriptions() {
        let la = "America/Los_Angeles";
        let with_minutes = |mut spec: crate::registry::ScheduleSpec, minutes| {
            spec.minutes = Some(minutes);
            spec
        };
        for (spec, want) in [
            (
                weekly(&["thursday"], "9:00", la),
                "Weekly on Thursday at 09:00 America/Los_Angeles, 60 min",
            ),
            (
                weekly(&["fri", "Monday", "wednesday"], "17:00", "europe/berlin"),
                "Weekly on Monday, Wednesday and Friday at 17:00 Europe/Berlin, 60 min",
            ),
            (
                with_minutes(
                    monthly(&["4th thursday", "2nd thursday"], "16:30", "UTC"),
                    45,
                ),
                "Monthly on the 2nd and 4th Thursday at 16:30 UTC, 45 min",
            ),
            (
                monthly(
                    &["last friday", "1st monday", "3rd monday"],
                    "08:00",
                    "Asia/Tokyo",
                ),
                "Monthly on the 1st and 3rd Monday and last Friday at 08:00 Asia/Tokyo, 60 min",
            ),
            (
                every_n_weeks(2, "2026-01-14", &["wednesday"], "11:30", "America/New_York"),
                "Every 2 weeks on Wednesday (from 2026-01-14) at 11:30 America/New_York, 60 min",
            ),
            (
                every_n_weeks(1, "2026-01-15", &["thursday", "tuesday"], "11:30", "UTC"),
                "Weekly on Tuesday and Thursday (from 2026-01-15) at 11:30 UTC, 60 min",
            ),
            (
                once("2028-02-29", "10:00", "Asia/Kolkata"),
                "Once on Tuesday 2028-02-29 at 10:00 Asia/Kolkata, 60 min",
            ),
        ] {
            assert_eq!(describe(&rule(&spec)), want);
        }
    }

    #[test]
    fn lists() {
        let strings = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
        assert_eq!(list(strings(&[])), "");
        assert_eq!(list(strings(&["a"])), "a");
        assert_eq!(list(strings(&["a", "b"])), "a and b");
        assert_eq!(list(strings(&["a", "b", "c"])), "a, b and c");
    }
}
