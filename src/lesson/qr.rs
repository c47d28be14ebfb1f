//! The QR code a `scan` step shows: as small as the address allows, so it fits a kiosk
//! screen in a large font.

/// The side of the largest code that fits the designed 58×15 screen with its quiet zone:
/// a version 1 code.
pub const MAX_MODULES: usize = 21;

/// The QR code of `url`, as small as it can be: the scheme and host (which are not case
/// sensitive) in capitals, so they fit QR's compact alphanumeric mode. A short official
/// address then fits a version 1 code (21 modules), small enough for a 58×15 screen.
pub fn qr_code(url: &str) -> Option<qrcode::QrCode> {
    qrcode::QrCode::with_error_correction_level(qr_text(url).as_bytes(), qrcode::EcLevel::L).ok()
}

/// `url` with its scheme and host in capitals; the rest (which may be case sensitive) kept.
pub fn qr_text(url: &str) -> String {
    let Some(start) = url.find("://").map(|i| i + 3) else {
        return url.to_owned();
    };
    let end = url[start..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| start + i);
    format!("{}{}", url[..end].to_ascii_uppercase(), &url[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_scheme_and_host_are_capitalised() {
        assert_eq!(
            qr_text("https://dichvucong.gov.vn"),
            "HTTPS://DICHVUCONG.GOV.VN"
        );
        assert_eq!(qr_text("https://a.vn/Path?x=Y"), "HTTPS://A.VN/Path?x=Y");
        assert_eq!(qr_text("not a url"), "not a url");
    }

    #[test]
    fn official_addresses_make_version_one_codes() {
        for url in [
            "https://dichvucong.gov.vn",
            "https://vneid.gov.vn",
            "https://tinnhiemmang.vn",
        ] {
            assert_eq!(qr_code(url).unwrap().width(), MAX_MODULES, "{url}");
        }
        assert!(
            qr_code("https://dichvucong.gov.vn/p/home/dvc-trang-chu.html")
                .unwrap()
                .width()
                > MAX_MODULES
        );
    }
}
