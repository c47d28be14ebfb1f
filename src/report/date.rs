//! Calendar dates for reports: `YYYY-MM-DD`, a day in Vietnam.

use crate::store::DayNumber;

/// The calendar date of a day counted from 1970-01-01 (Howard Hinnant's algorithm).
pub fn civil(days: DayNumber) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// The day number of a calendar date; `None` if there is no such date.
pub fn from_civil(year: i64, month: u32, day: u32) -> Option<DayNumber> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let length = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > length {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// `2026-11-30`.
pub fn format(days: DayNumber) -> String {
    let (y, m, d) = civil(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Reads `2026-11-30`.
pub fn parse(text: &str) -> Option<DayNumber> {
    let mut parts = text.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    from_civil(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_and_write_back() {
        assert_eq!(parse("1970-01-01"), Some(0));
        assert_eq!(format(0), "1970-01-01");
        for text in ["2000-02-29", "2026-11-30", "2027-01-01", "1999-12-31"] {
            let day = parse(text).expect("a date");
            assert_eq!(format(day), text);
            assert_eq!(format(day + 1), format(parse(&format(day + 1)).unwrap()));
        }
        assert_eq!(
            parse("2026-11-30").unwrap() - parse("2026-01-01").unwrap(),
            333
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        for text in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-11-31",
            "26-11-30",
            "hôm qua",
            "",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
