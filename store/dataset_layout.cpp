#include "store/dataset_layout.h"

namespace cm {

std::vector<WardVintage> wardVintagesFor(int year) {
  if (year <= 2018)
    return {{"wards/wards_2013_gb_bgc_martinjc.gpkg", "2013 (GB)", "wards_2013_gb"},
            {"wards/wards_ni_2012_martinjc.gpkg", "2012 (NI)", "wards_2012_ni"}};
  if (year == 2019) return {{"wards/wards_dec2019_uk.gpkg", "December 2019", "wards_2019"}};
  if (year == 2020) return {{"wards/wards_dec2020_uk.gpkg", "December 2020", "wards_2020"}};
  if (year == 2021) return {{"wards/wards_dec2021_uk.gpkg", "December 2021", "wards_2021"}};
  if (year == 2022) return {{"wards/wards_dec2022_uk.gpkg", "December 2022", "wards_2022"}};
  return {{"wards/wards_may2023_uk.gpkg", "May 2023", "wards_2023"}};
}

}  // namespace cm
