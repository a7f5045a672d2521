package io.crvs.http.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.CrvsSearchResult;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.SearchAnswer;
import io.crvs.core.domain.SearchPage;
import io.crvs.http.envelope.EnvelopeJson;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchResponseReaderTest {

    private static final Map<String, SearchPage> ASKED = new LinkedHashMap<>(Map.of("r1", SearchPage.first(),
            "r2", new SearchPage(2, 5)));

    private static JsonNode json(String s) throws Exception {
        return EnvelopeJson.MAPPER.readTree(s.replace('\'', '"'));
    }

    @Test
    void theReferenceSample_isRead_recordsPaginationAndAll() throws Exception {
        // reference §9.5, abridged
        JsonNode message = json("{'transaction_id':'t','correlation_id':'c','search_response':[{'reference_id':'r1',"
                + "'timestamp':'2025-03-14T13:00:04+00:00','status':'succ','data':{'reg_records':[{'@type':'CRVS_Person',"
                + "'identifier':[{'identifier_type':'UIN','identifier_value':'U-0000000777'},{'identifier_type':'DRN',"
                + "'identifier_value':'D-2025-0000042'}],'name':{'surname':'Placeholder','given_name':'Orin'},"
                + "'sex':'male','birth_date':'1941-07-01T00:00:00+00:00','death_date':'2025-03-12T22:40:00+00:00',"
                + "'marital_status':'M','marriage_date':['1968-05-04T00:00:00+00:00'],'divorce_date':[]}]},"
                + "'pagination':{'page_size':10,'page_number':1,'total_count':1},'locale':'eng'}]}");

        Map<String, SearchAnswer> answers = SearchResponseReader.read(message, ASKED);

        CrvsSearchResult r = ((SearchAnswer.Answered) answers.get("r1")).result();
        assertThat(r.totalCount()).isEqualTo(1);
        assertThat(r.page()).isEqualTo(new SearchPage(1, 10));
        assertThat(r.records()).singleElement().satisfies(p -> {
            assertThat(p.identifiers()).contains(Identifier.of("DRN", "D-2025-0000042"));
            assertThat(p.deathDate()).isEqualTo(LocalDate.of(2025, 3, 12));
            assertThat(p.marriageDate()).isEqualTo(LocalDate.of(1968, 5, 4));
            assertThat(p.divorceDate()).isNull();
        });
        assertThat(answers).doesNotContainKey("r2");
    }

    @Test
    void leniency_objectRecords_stringCounts_missingStatusWithData_unknownReferencesIgnored() throws Exception {
        JsonNode message = json("{'search_response':[{'reference_id':'r2','data':{'reg_records':"
                + "{'identifier':{'type':'BRN','value':'B-1'}}},'pagination':{'page_size':'5','page_number':'2',"
                + "'total_count':'7'}},{'reference_id':'someone-else','status':'succ'}]}");

        Map<String, SearchAnswer> answers = SearchResponseReader.read(message, ASKED);

        assertThat(answers).containsOnlyKeys("r2");
        CrvsSearchResult r = ((SearchAnswer.Answered) answers.get("r2")).result();
        assertThat(r.totalCount()).isEqualTo(7);
        assertThat(r.page()).isEqualTo(new SearchPage(2, 5));
        assertThat(r.records().get(0).identifiers()).containsExactly(Identifier.of("BRN", "B-1"));
    }

    @Test
    void rjctAndOtherStatuses_areRefusalsWithTheReasonCode() throws Exception {
        JsonNode message = json("{'search_response':[{'reference_id':'r1','status':'rjct','status_reason_code':"
                + "'rjct.search.too_many_records_found','status_reason_message':'narrow it'},"
                + "{'reference_id':'r2','status':'pdng'}]}");

        Map<String, SearchAnswer> answers = SearchResponseReader.read(message, ASKED);

        assertThat(answers.get("r1")).isEqualTo(new SearchAnswer.Refused("rjct.search.too_many_records_found",
                "narrow it"));
        assertThat(answers.get("r2")).isEqualTo(new SearchAnswer.Refused("pdng", null));
    }

    @Test
    void unusableMessages_areFormatErrorsNamingTheField() throws Exception {
        assertThatThrownBy(() -> SearchResponseReader.read(json("{'transaction_id':'t'}"), ASKED))
                .isInstanceOf(EnvelopeFormatException.class).hasMessageContaining("search_response is missing");
        assertThatThrownBy(() -> SearchResponseReader.read(json("{'search_response':[{'reference_id':'r1',"
                + "'status':'succ','data':{'reg_records':[{'birth_date':'2021-02-30'}]}}]}"), ASKED))
                .isInstanceOf(EnvelopeFormatException.class).hasMessageContaining("search_response[0]")
                .hasMessageContaining("birth_date").hasMessageNotContaining("2021-02-30");
        assertThatThrownBy(() -> SearchResponseReader.read(json("{'search_response':[{'reference_id':'r1',"
                + "'status':'succ','data':{'reg_records':[]},'pagination':{'total_count':'many'}}]}"), ASKED))
                .isInstanceOf(EnvelopeFormatException.class).hasMessageContaining("whole numbers");
    }
}
