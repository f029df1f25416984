//! A rule in one line of plain English, normalised so that two registries writing the same
//! schedule differently read the same: "Monthly on the 2nd and 4th Thursday at 16:30 UTC".

use jiff::civil::{Date, Weekday};

use super::spec::weekday_name;
use crate::model::{MonthDay, Pattern, Rule};

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

/// What to say after the next candidate of a meeting whose weeks aren't published ("in 2d,
/// or a week later"): the real meeting is that one or one of the following candidates.
/// `None` when the rule's days are certain.
pub fn or_later(rule: &Rule) -> Option<String> {
    match rule.pattern() {
        Pattern::EveryNWeeks {
            weeks,
            anchor: None,
            ..
        } => Some(match weeks {
            2 => "or a week later".to_string(),
            n => format!("or up to {} weeks later", n - 1),
        }),
        _ => None,
    }
}

fn days(pattern: &Pattern) -> String {
    match pattern {
        Pattern::Weekly { days } => format!("Weekly on {}", weekdays(days)),
        Pattern::EveryNWeeks {
            weeks: 1,
            anchor,
            days,
        } => format!("Weekly on {}{}", weekdays(days), from(*anchor)),
        Pattern::EveryNWeeks {
            weeks,
            anchor,
            days,
        } => format!(
            "{} on {}{}",
            every_n_weeks(*weeks),
            weekdays(days),
            from(*anchor)
        ),
        Pattern::Monthly { days } => format!("Monthly on the {}", month_days(days)),
        Pattern::Once { date } => format!("Once on {} {date}", title(date.weekday())),
    }
}

/// "Every other week" is how people say it, so the text reads the way the source does.
fn every_n_weeks(weeks: u32) -> String {
    match weeks {
        2 => "Every other week".to_string(),
        n => format!("Every {n} weeks"),
    }
}

/// Where the count of weeks starts, or that nobody said.
fn from(anchor: Option<Date>) -> String {
    match anchor {
        Some(anchor) => format!(" (from {anchor})"),
        None => " (which weeks isn't published)".to_string(),
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
    use super::super::testing::{every_n_weeks, monthly, once, rule, unanchored, weekly};
    use super::*;

    #[test]
    fn descriptions() {
        let la = "America/Los_Angeles";
        let with_minutes = |mut spec: crate::model::ScheduleSpec, minutes| {
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
                "Every other week on Wednesday (from 2026-01-14) at 11:30 America/New_York, 60 min",
            ),
            (
                every_n_weeks(3, "2026-01-14", &["wednesday"], "11:30", "UTC"),
                "Every 3 weeks on Wednesday (from 2026-01-14) at 11:30 UTC, 60 min",
            ),
            (
                unanchored(2, &["wednesday"], "11:30", "America/New_York"),
                "Every other week on Wednesday (which weeks isn't published) at 11:30 America/New_York, 60 min",
            ),
            (
                unanchored(4, &["tuesday", "thursday"], "08:00", la),
                "Every 4 weeks on Tuesday and Thursday (which weeks isn't published) at 08:00 America/Los_Angeles, 60 min",
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
    fn a_next_candidate_says_how_much_later_the_meeting_may_be() {
        let la = "America/Los_Angeles";
        for (spec, want) in [
            (
                unanchored(2, &["monday"], "09:00", la),
                Some("or a week later"),
            ),
            (
                unanchored(3, &["monday"], "09:00", la),
                Some("or up to 2 weeks later"),
            ),
            (
                unanchored(52, &["monday"], "09:00", la),
                Some("or up to 51 weeks later"),
            ),
            (
                every_n_weeks(2, "2026-01-12", &["monday"], "09:00", la),
                None,
            ),
            (weekly(&["monday"], "09:00", la), None),
            (monthly(&["1st monday"], "09:00", la), None),
        ] {
            assert_eq!(or_later(&rule(&spec)).as_deref(), want, "{spec:?}");
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
