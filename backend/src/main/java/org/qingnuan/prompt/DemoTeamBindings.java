package org.qingnuan.prompt;

import org.qingnuan.prompt.internal.TeamBindingMapper;
import org.qingnuan.registry.FamilyDirectory;
import org.qingnuan.registry.MedicalTeam;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The embedded default's demo teams each have a lead who follows the official account and is bound to
 * the team ({@code oDemoLead<team id>}), so the daily prompt (due at midnight for the demo teams) has a
 * recipient and shows up in the WeChat stand-in's message log. The binding names the team's registered lead, as
 * if they had sent "我是 <name>". Never outside the "embedded" profile.
 */
@Component
@Profile("embedded")
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class DemoTeamBindings implements ApplicationRunner {

    private final TeamBindingMapper bindings;
    private final FamilyDirectory directory;

    DemoTeamBindings(TeamBindingMapper bindings, FamilyDirectory directory) {
        this.bindings = bindings;
        this.directory = directory;
    }

    /** The official-account openid of a demo team's lead. */
    static String leadOpenId(long teamId) {
        return "oDemoLead" + teamId;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (bindings.selectCount(null) > 0) {
            return;
        }
        List<MedicalTeam> teams = directory.firstTeams(10);
        for (MedicalTeam team : teams) {
            TeamBinding binding = new TeamBinding();
            binding.setTeamId(team.getId());
            binding.setOrgId(team.getOrgId());
            binding.setOpenId(leadOpenId(team.getId()));
            binding.setSource(TeamBinding.Source.INVITE_CODE);
            // the lead has said who they are ("我是 …"): staff see a name and a role, not an openid
            directory.contactsOf(team.getId()).stream().filter(c -> c.getRole() == org.qingnuan.registry.ContactRole.LEAD)
                    .findFirst().ifPresent(c -> binding.setContactId(c.getId()));
            bindings.insert(binding);
        }
    }
}
