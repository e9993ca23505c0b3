package dev.pagefeed.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlaceNamesTest {

  @Test
  void knowsProvincesAndCitiesFromTheGeocoder() {
    assertTrue(PlaceNames.names().containsKey("平凉"));
    assertTrue(PlaceNames.names().containsKey("河南省"));
    assertTrue(PlaceNames.names().containsKey("银川市"));
    assertTrue(PlaceNames.names().containsKey("资阳"));
  }

  @Test
  void regionAgreesWithItsCityOrProvince() {
    assertFalse(PlaceNames.disagrees("甘肃省平凉市", "平凉市医保局电话号码"));
    assertFalse(PlaceNames.disagrees("甘肃省平凉市", "甘肃医保网上服务大厅"));
    assertFalse(PlaceNames.disagrees("宁夏银川市", "宁夏回族自治区银川市医保中心"));
  }

  @Test
  void textNamingNoPlaceAgrees() {
    assertFalse(PlaceNames.disagrees("河南省商丘市", "新农合医保电话"));
  }

  @Test
  void regionDisagreesWithAnotherCity() {
    assertTrue(PlaceNames.disagrees("甘肃省平凉市", "银川医保中心电话"));
  }

  @Test
  void phoneOfAnotherCityIsFlaggedInPageRecords() {
    var records = new PageExtractor().extract(
        new dev.pagefeed.model.SourceInfo("p.txt", "p.txt", "text", "UTF-8", "none", 1, "x", 0),
        new dev.pagefeed.segment.SegmentedPage("银川医保中心电话", null, null, "咨询电话0933-8618795。",
            java.util.List.of(), null, java.util.List.of(), java.util.List.of(), java.util.List.of()));
    assertTrue(records.entities().get(0).flags().contains(dev.pagefeed.model.Flag.AREA_CODE_MISMATCH));
  }
}
