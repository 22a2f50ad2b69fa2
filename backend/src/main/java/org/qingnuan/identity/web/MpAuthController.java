package org.qingnuan.identity.web;

import org.qingnuan.api.mp.MpAuthApi;
import org.qingnuan.api.mp.MpRequests;
import org.qingnuan.api.mp.MpUserView;
import org.qingnuan.identity.CurrentUser;
import org.qingnuan.identity.MiniProgramSignIn;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MpAuthController implements MpAuthApi {

    private final MiniProgramSignIn signIn;

    MpAuthController(MiniProgramSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public MpUserView.Login login(MpRequests.Login request) {
        return signIn.login(request.code());
    }

    @Override
    public void logout() {
        signIn.logout(CurrentUser.require());
    }

    @Override
    public MpUserView me() {
        return signIn.view(CurrentUser.require().userId());
    }

    @Override
    public MpUserView bindPhone(MpRequests.PhoneCode request) {
        return signIn.bindPhone(CurrentUser.require(), request.code());
    }

    @Override
    public MpUserView redeemInvite(MpRequests.InviteCode request) {
        return signIn.redeemInvite(CurrentUser.require(), request.code());
    }
}
