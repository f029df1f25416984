//! Meeting times that foreign files publish as sentences ("Every other Tuesday at 09:00 PT"),
//! read into schedules, and a tally of how many could not be.
//!
//! A sentence townhall reads wrongly would put a meeting at the wrong hour, which is worse
//! than showing the words as published; so a sentence counts as read only when every
//! schedule it yields also passes the checks townhall's own files get (`Rule::from_spec`).
//! Each unreadable sentence is named where it was written, and the file gets one summary
//! line, so the size of the problem is visible without counting warnings.

use super::Reader;
use crate::formats::published::{Reading, Schedule, from_sentence};
use crate::model::{Meeting, ScheduleSpec};
use crate::yaml::node::Pos;

/// What became of the meeting times of one file.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct MeetingTimes {
    pub read: usize,
    pub unreadable: usize,
    /// Read, but "every other week" without saying which weeks: shown as possible dates.
    pub weeks_unknown: usize,
    /// Meetings that publish no day or time at all (a calendar link instead).
    pub untimed: usize,
}

impl MeetingTimes {
    /// The schedules `text` describes, or none (with a warning at `pos`) when it can't be read.
    pub fn read(&mut self, reader: &mut Reader, pos: Pos, text: &str) -> Vec<Schedule> {
        match schedules(text) {
            Ok((schedules, weeks_unknown)) => {
                self.read += 1;
                self.weeks_unknown += usize::from(weeks_unknown);
                schedules
            }
            Err(reason) => {
                self.unreadable += 1;
                reader.warn(
                    pos,
                    format!(
                        "meeting time {text:?} can't be read ({reason}); it is shown as published"
                    ),
                );
                Vec::new()
            }
        }
    }

    pub fn untimed(&mut self) {
        self.untimed += 1;
    }

    /// One line per kind of shortfall, at `pos` (the top of the file).
    pub fn summarize(&self, reader: &mut Reader, pos: Pos) {
        let published = self.read + self.unreadable;
        if self.unreadable > 0 {
            reader.warn(
                pos,
                format!(
                    "{} of {published} meeting times could not be read; they are shown as published",
                    self.unreadable
                ),
            );
        }
        if self.weeks_unknown > 0 {
            reader.warn(
                pos,
                format!(
                    "{} of {published} meeting times say how many weeks apart but not which weeks; every candidate week is shown as possible",
                    self.weeks_unknown
                ),
            );
        }
        if self.untimed > 0 {
            let total = published + self.untimed;
            reader.warn(
                pos,
                format!(
                    "{} of {total} meetings publish no day or time, only a calendar link; townhall can't say when they next meet",
                    self.untimed
                ),
            );
        }
    }
}

/// The sentence's schedules, each one checked, and whether any leaves its weeks open.
fn schedules(text: &str) -> Result<(Vec<Schedule>, bool), String> {
    let readings = from_sentence(text).map_err(|e| {
        if e.part.is_empty() || e.part == text.trim() {
            e.reason
        } else {
            e.to_string()
        }
    })?;
    if readings.is_empty() {
        return Err("no meeting time found in it".into());
    }
    let mut weeks_unknown = false;
    let mut schedules = Vec::new();
    for Reading { spec, rule } in readings {
        let rule = rule.map_err(|e| format!("read as {}, but {e}", shown(&spec)))?;
        weeks_unknown |= rule.weeks_unknown();
        schedules.push(Schedule { spec, rule });
    }
    Ok((schedules, weeks_unknown))
}

fn shown(spec: &ScheduleSpec) -> String {
    format!("{} at {} {}", spec.on.join(" and "), spec.at, spec.zone)
}

/// `meeting` once per schedule. Several schedules from one sentence ("Alternating between
/// Monday at 13:00 PT and Wednesday at 09:00 PT") become meetings whose titles say which is
/// which: by weekday, or by weekday and time when the days are the same.
pub fn per_schedule(meeting: Meeting, schedules: Vec<Schedule>) -> Vec<Meeting> {
    if schedules.len() < 2 {
        return vec![match schedules.into_iter().next() {
            Some(schedule) => schedule.on(meeting),
            None => meeting,
        }];
    }
    let specs: Vec<&ScheduleSpec> = schedules.iter().map(|s| &s.spec).collect();
    let labels = labels(&specs);
    schedules
        .into_iter()
        .zip(labels)
        .map(|(schedule, label)| {
            schedule.on(Meeting {
                title: format!("{} ({label})", meeting.title),
                ..meeting.clone()
            })
        })
        .collect()
}

/// The weekday, with the time added only where two schedules share a weekday.
fn labels(specs: &[&ScheduleSpec]) -> Vec<String> {
    let days: Vec<String> = specs.iter().map(|s| days(&s.on)).collect();
    let labels: Vec<String> = specs
        .iter()
        .zip(&days)
        .map(|(s, d)| {
            if days.iter().filter(|other| *other == d).count() == 1 {
                d.clone()
            } else {
                format!("{d} {} {}", s.at, s.zone)
            }
        })
        .collect();
    if all_different(&labels) {
        return labels;
    }
    let n = specs.len();
    (1..=n).map(|i| format!("{i} of {n}")).collect()
}

/// `["2nd thursday", "friday"]` as "2nd Thursday and Friday".
fn days(on: &[String]) -> String {
    let words: Vec<String> = on
        .iter()
        .map(|day| {
            day.split(' ')
                .map(|w| {
                    let mut chars = w.chars();
                    chars
                        .next()
                        .map(|c| c.to_uppercase().chain(chars).collect())
                        .unwrap_or_default()
                })
                .collect::<Vec<String>>()
                .join(" ")
        })
        .collect();
    words.join(" and ")
}

fn all_different(labels: &[String]) -> bool {
    labels
        .iter()
        .enumerate()
        .all(|(i, l)| !labels[..i].contains(l))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Frequency;

    fn weekly(on: &str, at: &str, zone: &str) -> ScheduleSpec {
        ScheduleSpec {
            every: Frequency::Week,
            on: vec![on.into()],
            at: at.into(),
            zone: zone.into(),
            ..ScheduleSpec::default()
        }
    }

    fn titles(specs: Vec<ScheduleSpec>) -> Vec<String> {
        let meeting = Meeting {
            title: "Sampling meeting".into(),
            published: "as published".into(),
            ..Meeting::default()
        };
        per_schedule(meeting, specs.into_iter().map(Schedule::of).collect())
            .into_iter()
            .map(|m| m.title)
            .collect()
    }

    #[test]
    fn one_schedule_keeps_the_title_and_several_are_told_apart() {
        assert_eq!(titles(vec![]), ["Sampling meeting"]);
        assert_eq!(
            titles(vec![weekly("tuesday", "08:00", "UTC")]),
            ["Sampling meeting"]
        );
        assert_eq!(
            titles(vec![
                weekly("monday", "13:00", "America/Los_Angeles"),
                ScheduleSpec {
                    every: Frequency::Month,
                    ..weekly("2nd wednesday", "09:00", "America/Los_Angeles")
                },
            ]),
            [
                "Sampling meeting (Monday)",
                "Sampling meeting (2nd Wednesday)"
            ]
        );
        assert_eq!(
            titles(vec![
                weekly("thursday", "08:00", "America/Los_Angeles"),
                weekly("thursday", "05:30", "UTC"),
            ]),
            [
                "Sampling meeting (Thursday 08:00 America/Los_Angeles)",
                "Sampling meeting (Thursday 05:30 UTC)"
            ]
        );
        assert_eq!(
            titles(vec![
                weekly("tuesday", "09:00", "America/Los_Angeles"),
                weekly("tuesday", "09:00", "Asia/Shanghai"),
                weekly("monday", "09:00", "America/Los_Angeles"),
            ]),
            [
                "Sampling meeting (Tuesday 09:00 America/Los_Angeles)",
                "Sampling meeting (Tuesday 09:00 Asia/Shanghai)",
                "Sampling meeting (Monday)"
            ]
        );
        let same = weekly("friday", "08:00", "UTC");
        assert_eq!(
            titles(vec![same.clone(), same]),
            ["Sampling meeting (1 of 2)", "Sampling meeting (2 of 2)"]
        );
    }

    #[test]
    fn a_sentence_is_read_or_named_where_it_was_written() {
        let mut tally = MeetingTimes::default();
        let mut reader = Reader::new("f.yaml");
        let at = Pos {
            line: 7,
            column: 17,
        };
        let specs = tally.read(&mut reader, at, "Every other Thursday at 08:00 PT");
        assert_eq!(specs.len(), 1);
        assert_eq!(specs[0].spec.interval, Some(2));
        assert!(
            tally
                .read(&mut reader, at, "Meets during the Collector SIG")
                .is_empty()
        );
        let expected = MeetingTimes {
            read: 1,
            unreadable: 1,
            weeks_unknown: 1,
            untimed: 0,
        };
        assert_eq!(tally, expected);
        let problems = reader.into_problems();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].pos, Some(at));
        assert!(
            problems[0]
                .message
                .starts_with("meeting time \"Meets during the Collector SIG\" can't be read ("),
            "{problems:?}"
        );
    }

    #[test]
    fn the_summary_counts_each_shortfall_once() {
        let tally = MeetingTimes {
            read: 40,
            unreadable: 12,
            weeks_unknown: 3,
            untimed: 0,
        };
        let mut reader = Reader::new("f.yaml");
        tally.summarize(&mut reader, Pos { line: 1, column: 1 });
        let messages: Vec<String> = reader
            .into_problems()
            .iter()
            .map(|p| p.message.clone())
            .collect();
        assert_eq!(
            messages,
            [
                "12 of 52 meeting times could not be read; they are shown as published",
                "3 of 52 meeting times say how many weeks apart but not which weeks; every candidate week is shown as possible",
            ]
        );
        let mut reader = Reader::new("f.yaml");
        MeetingTimes::default().summarize(&mut reader, Pos::default());
        assert!(reader.into_problems().is_empty());
    }
}
