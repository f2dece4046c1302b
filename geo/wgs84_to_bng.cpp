#include "geo/wgs84_to_bng.h"

#include <cmath>
#include <numbers>

namespace cm {
namespace {

// The three steps, from their published definitions (EPSG Guidance Note 7-2: geographic to
// geocentric, the position-vector Helmert in its small-angle form, as PROJ applies it; Bowring's
// geocentric to geographic; Karney 2011, "Transverse Mercator with an accuracy of a few
// nanometers", for the projection). Angles stay as sines, cosines and tangents wherever the
// formulas allow, which is where the time goes otherwise.

constexpr double kArcsec = std::numbers::pi / (180.0 * 3600.0);

// WGS 84.
constexpr double kWgsA = 6378137.0;
constexpr double kWgsF = 1 / 298.257223563;
constexpr double kWgsE2 = kWgsF * (2 - kWgsF);

// Airy 1830 (OSGB36).
constexpr double kAiryA = 6377563.396;
constexpr double kAiryF = 1 / 299.3249646;
constexpr double kAiryB = kAiryA * (1 - kAiryF);
constexpr double kAiryE2 = kAiryF * (2 - kAiryF);
constexpr double kAiryEp2 = kAiryE2 / (1 - kAiryE2);  // second eccentricity squared

// EPSG:1314, OSGB36 to WGS 84 (6): position vector, applied here in reverse.
constexpr double kTx = 446.448, kTy = -125.157, kTz = 542.06;
constexpr double kRx = 0.150 * kArcsec, kRy = 0.247 * kArcsec, kRz = 0.842 * kArcsec;
constexpr double kScale = 1 - 20.489e-6;

// British National Grid: Transverse Mercator on Airy 1830.
constexpr double kLon0 = -2.0 * std::numbers::pi / 180;
constexpr double kLat0 = 49.0 * std::numbers::pi / 180;
constexpr double kK0 = 0.9996012717;
constexpr double kFalseEasting = 400000, kFalseNorthing = -100000;

// Karney's series in the third flattening n, to n^6 (his equation 35).
struct Series {
  double rectifyingRadius;  // A
  double alpha[6];
  double northingAtOrigin;  // k0 * A * (rectifying latitude of kLat0)
};

// Conformal latitude's tangent from the geodetic latitude's (Karney equations 7 to 9), with
// sinh(e atanh(z)) written as one power: (g - 1/g) / 2, g = ((1 + z) / (1 - z))^(e/2).
double conformalTangent(double tau) {
  const double e = std::sqrt(kAiryE2);
  const double sec = std::sqrt(1 + tau * tau);
  const double z = e * tau / sec;
  const double g = std::pow((1 + z) / (1 - z), e / 2);
  const double sigma = (g - 1 / g) / 2;
  return tau * std::sqrt(1 + sigma * sigma) - sigma * sec;
}

// Sum over j of alpha_j sin(2 j zeta) by Clenshaw's recurrence, zeta = xi + i eta given through the
// sine and cosine of 2 xi and the hyperbolic sine and cosine of 2 eta. Complex arithmetic is
// written out: std::complex's product checks for infinities through a library call.
struct Complex {
  double re, im;
};
Complex krugerSum(const double (&alpha)[6], double sin2xi, double cos2xi, double sinh2eta, double cosh2eta) {
  const double sRe = sin2xi * cosh2eta, sIm = cos2xi * sinh2eta;           // sin 2 zeta
  const double cRe = 2 * cos2xi * cosh2eta, cIm = -2 * sin2xi * sinh2eta;  // 2 cos 2 zeta
  double b1Re = 0, b1Im = 0, b2Re = 0, b2Im = 0;
  for (int j = 5; j >= 0; --j) {
    const double b0Re = alpha[j] + cRe * b1Re - cIm * b1Im - b2Re;
    const double b0Im = cRe * b1Im + cIm * b1Re - b2Im;
    b2Re = b1Re, b2Im = b1Im;
    b1Re = b0Re, b1Im = b0Im;
  }
  return {sRe * b1Re - sIm * b1Im, sRe * b1Im + sIm * b1Re};
}

Series makeSeries() {
  const double n = kAiryF / (2 - kAiryF);
  const double n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n;
  Series s{};
  s.rectifyingRadius = kAiryA / (1 + n) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
  s.alpha[0] = n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288 + 7891 * n6 / 37800;
  s.alpha[1] = 13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630 - 1983433 * n6 / 1935360;
  s.alpha[2] = 61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440;
  s.alpha[3] = 49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600;
  s.alpha[4] = 34729 * n5 / 80640 - 3418889 * n6 / 1995840;
  s.alpha[5] = 212378941 * n6 / 319334400;
  // On the central meridian eta is 0 and xi the conformal latitude.
  const double chi0 = std::atan(conformalTangent(std::tan(kLat0)));
  const double xi0 = chi0 + krugerSum(s.alpha, std::sin(2 * chi0), std::cos(2 * chi0), 0, 1).re;
  s.northingAtOrigin = kK0 * s.rectifyingRadius * xi0;
  return s;
}

const Series& series() {
  static const Series s = makeSeries();
  return s;
}

}  // namespace

bool wgs84ToBng(double& x, double& y) {
  // EPSG:1314's extent, a hair inside, so that points on its edge go PROJ's way whatever it decides.
  if (!(x > -8.819999 && x < 1.919999 && y > 49.790001 && y < 60.939999)) return false;  // and NaN
  const Series& s = series();

  // Geographic (height 0) to geocentric on WGS 84.
  const double lon = x * (std::numbers::pi / 180), lat = y * (std::numbers::pi / 180);
  const double sinLat = std::sin(lat), cosLat = std::cos(lat);
  const double nu = kWgsA / std::sqrt(1 - kWgsE2 * sinLat * sinLat);
  const double gx = nu * cosLat * std::cos(lon), gy = nu * cosLat * std::sin(lon), gz = nu * (1 - kWgsE2) * sinLat;

  // The Helmert step in reverse: remove the translation and scale, rotate by the transpose.
  const double ux = (gx - kTx) / kScale, uy = (gy - kTy) / kScale, uz = (gz - kTz) / kScale;
  const double ox = ux + kRz * uy - kRy * uz;
  const double oy = -kRz * ux + uy + kRx * uz;
  const double oz = kRy * ux - kRx * uy + uz;

  // Geocentric to geographic on Airy 1830 (Bowring): the latitude as its tangent, the longitude
  // as its sine and cosine; the height is dropped, as PROJ's pipeline drops it.
  const double p = std::sqrt(ox * ox + oy * oy);
  const double st = oz * kAiryA, ct = p * kAiryB, r = std::sqrt(st * st + ct * ct);
  const double sinT = st / r, cosT = ct / r;
  const double tau = (oz + kAiryEp2 * kAiryB * sinT * sinT * sinT) / (p - kAiryE2 * kAiryA * cosT * cosT * cosT);
  const double sinL = oy / p, cosL = ox / p;
  const double sinDl = sinL * std::cos(kLon0) - cosL * std::sin(kLon0);
  const double cosDl = cosL * std::cos(kLon0) + sinL * std::sin(kLon0);

  // Transverse Mercator (Karney equations 10, 11): the Gauss-Schreiber coordinates xi', eta', then
  // Krueger's series.
  const double tauP = conformalTangent(tau);
  const double d2 = tauP * tauP + cosDl * cosDl;
  const double xiP = std::atan2(tauP, cosDl);
  const double sinhEta = sinDl / std::sqrt(d2), coshEta = std::sqrt(1 + sinhEta * sinhEta);
  const double etaP = std::log(sinhEta + coshEta);  // asinh
  const double sin2xi = 2 * tauP * cosDl / d2, cos2xi = (cosDl * cosDl - tauP * tauP) / d2;
  const Complex sum = krugerSum(s.alpha, sin2xi, cos2xi, 2 * sinhEta * coshEta, 1 + 2 * sinhEta * sinhEta);
  const double scale = kK0 * s.rectifyingRadius;
  x = kFalseEasting + scale * (etaP + sum.im);
  y = kFalseNorthing + scale * (xiP + sum.re) - s.northingAtOrigin;
  return true;
}

}  // namespace cm
