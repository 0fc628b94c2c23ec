/**
 * SQLite FTS5's unicode61 tokenizer (remove_diacritics 2) as a table, made by
 * scripts/make-unicode61-table.mjs from SQLite itself: runs of code points, each the start (base
 * 36) and what its code points do: s separates tokens, k is kept, x is dropped, d<n> becomes the
 * code point n further, p alternates (even offsets +1, odd kept). Generated: do not edit.
 */
export const UNICODE61_RUNS =
  '0s,1ck,1ms,1td32,2js,2pk,3fs,4qk,4rs,4yk,50s,51d775,52s,55k,57s,58k,5bs,5cd-95,5dd-96,5ed-97,5fd-98,5gd-99,5hd-100,5id32,5jd-100,5kd-99,5ld-100,' +
  '5md-101,5nd-102,5od-99,5pd-100,5qd-101,5rd-102,5sd32,5td-99,5vd-100,5wd-101,5xd-102,5yd-103,5zs,60d32,61d-100,62d-101,63d-102,64d-103,65d-100,66d32,' +
  '67k,68d-127,69d-128,6ad-129,6bd-130,6cd-131,6dd-132,6ek,6fd-132,6gd-131,6hd-132,6id-133,6jd-134,6kd-131,6ld-132,6md-133,6nd-134,6ok,6pd-131,6rd-132,' +
  '6sd-133,6td-134,6ud-135,6vs,6wk,6xd-132,6yd-133,6zd-134,70d-135,71d-132,72k,73d-134,74d-159,75d-160,76d-161,77d-162,78d-163,79d-164,7ad-163,7bd-164,' +
  '7cd-165,7dd-166,7ed-167,7fd-168,7gd-169,7hd-170,7jd-171,7kp,7md-173,7nd-174,7od-175,7pd-176,7qd-177,7rd-178,7sd-179,7td-180,7ud-181,7vd-182,7wd-181,' +
  '7xd-182,7yd-183,7zd-184,80d-185,81d-186,82d-187,83d-188,85d-189,86p,88d-191,89d-192,8ad-193,8bd-194,8cd-195,8dd-196,8ed-197,8fd-198,8gd-199,8hk,8ip,' +
  '8kd-202,8ld-203,8nd-204,8ok,8pd-205,8qd-206,8rd-207,8sd-208,8td-209,8ud-210,8vp,8zd-213,90d-214,91d-215,92d-216,93d-217,94d-218,95k,96p,98d-221,' +
  '99d-222,9ad-223,9bd-224,9cd-225,9dd-226,9ep,9gd-226,9hd-227,9id-228,9jd-229,9kd-230,9ld-231,9nd-232,9od-233,9pd-234,9qd-235,9rd-236,9sd-237,9td-238,' +
  '9vd-239,9wd-240,9xd-241,9yp,a0d-243,a1d-244,a2d-245,a3d-246,a4d-247,a5d-248,a6d-249,a7d-250,a8d-251,a9d-252,aad-253,abd-254,acd-253,add-254,aed-253,' +
  'afd-254,agd-255,aid-256,ajd-257,akd-258,ald-259,amd-260,and-268,aok,apd210,aqp,aud206,avp,axd205,azp,b1k,b2d79,b3d202,b4d203,b5p,b7d205,b8d207,b9k,' +
  'bad211,bbd209,bcp,bek,bgd211,bhd213,bik,bjd214,bkd-305,bld-306,bmp,bqd218,brp,btd218,buk,bwp,byd218,bzd-314,c0d-315,c1d217,c3p,c7d219,c8p,cak,ccp,cek,' +
  'ckd2,clp,cnd2,cop,cqd2,crp,ctd-364,cud-365,cvd-358,cwd-359,cxd-354,cyd-355,czd-350,d0d-351,d1d-352,d2d-353,d3d-354,d4d-355,d5d-356,d6d-357,d7d-358,' +
  'd8d-359,d9k,dad-381,dbd-382,dcp,did-383,djd-384,dkd-381,dld-382,dmd-379,dnd-380,dod-381,dpd-382,dqp,dsd-390,dtd2,dup,dwd-397,dxd-398,dyd-97,dzd-56,' +
  'e0d-394,e1d-395,e2d-409,e3d-410,e4p,e8d-415,e9d-416,ead-417,ebd-418,ecd-415,edd-416,eed-417,efd-418,egd-415,ehd-416,eid-417,ejd-418,ekd-413,eld-414,' +
  'emd-415,end-416,eod-414,epd-415,eqd-416,erd-417,esd-415,etd-416,eud-417,evd-418,ewd-421,exd-422,ezd-423,f0p,f2d-438,f3d-439,f4d-130,f5k,f6p,fad-453,' +
  'fbd-454,fcd-451,fdd-452,fed-443,ffd-444,fgd-445,fhd-446,fid-447,fjd-448,fkd-449,fld-450,fmd-441,fnd-442,fok,fud10795,fvp,fxd-163,fyd10792,fzk,g1p,' +
  'g3d-195,g4d69,g5d71,g6p,ggk,jms,jqk,k2s,kgk,kls,ksk,kts,kuk,kvs,lcx,lhs,lix,lps,lrx,lss,ltx,lus,m3x,m4s,mbx,mhs,mlx,mns,mox,mqs,ogp,okk,ols,omp,ook,' +
  'ous,ovk,p0s,p2d38,p3s,p4d37,p7k,p8d64,p9k,pad63,pck,pdd32,puk,pvd32,q4k,qqp,qsk,r3d8,r4d-30,r5d-25,r6k,r9d-15,rad-22,rbk,rcp,s0d-54,s1d-48,s2k,s4d-60,' +
  's5d-64,s6s,s7p,s9d-7,sap,sck,sdd-130,sgd80,swd32,tsk,v4p,w2s,wap,xsd15,xtp,y7k,y8p,10ok,10xd48,11zk,122s,128k,13ds,13fk,13js,13kk,13ls,154k,16bs,16dk,' +
  '16os,16tk,16us,17gk,17is,17kk,18rs,19ck,19ms,19qk,19ss,19tk,1cks,1clk,1cms,1d1k,1d3s,1dak,1dps,1drk,1dss,1e6k,1e7s,1e8k,1e9s,1eak,1f4s,1fvk,1ies,1ipk,' +
  '1kbs,1kkk,1kms,1kqk,1lis,1lmk,1lns,1lwk,1lxs,1m0k,1m1s,1m6k,1m8s,1mnk,1nds,1ngk,1nis,1njk,1r8s,1rzk,1s0s,1s4k,1tms,1tpk,1tqs,1u8k,1u9s,1ugk,1uqs,1uuk,' +
  '1v4s,1v5k,1vls,1vok,1x8s,1x9k,1xas,1xhk,1xjs,1xlk,1xns,1xqk,1xzs,1y0k,1yas,1yck,1yqs,1ysk,1yys,1z0k,1z5s,1z8k,20ss,20tk,20us,20zk,213s,215k,217s,21ak,' +
  '21ds,21ek,228s,22ak,22ds,22ek,22ps,22sk,24cs,24dk,24es,24mk,24ns,24qk,24rs,24uk,25es,25gk,25ss,25uk,269s,26ck,27ws,27xk,27ys,285k,287s,289k,28bs,28ek,' +
  '28ms,28ok,28ys,290k,29cs,29dk,29us,29vk,2bis,2bnk,2bqs,2btk,2bus,2byk,2c7s,2c8k,2czs,2d7k,2dds,2dgk,2f2s,2f9k,2fas,2fdk,2fes,2fik,2fps,2frk,2g2s,2g4k,' +
  '2gvs,2gwk,2gys,2h0k,2iks,2ilk,2ims,2itk,2ius,2ixk,2iys,2j2k,2j9s,2jbk,2jms,2jok,2kis,2kkk,2m6s,2mdk,2mes,2mhk,2mis,2mmk,2mvs,2mwk,2n6s,2n8k,2nts,2nuk,' +
  '2o2s,2o4k,2q2s,2q3k,2q7s,2qdk,2qes,2qfk,2qgs,2qok,2r6s,2r9k,2sxs,2syk,2t0s,2t7k,2tbs,2tck,2tjs,2tsk,2u2s,2u4k,2whs,2wik,2wks,2wqk,2wrs,2wtk,2x4s,2xak,' +
  '2yps,2zkk,304s,30gk,31ts,32gk,32ls,32wk,32xs,33xk,33ys,34dk,34es,34rk,36zs,37jk,37us,380k,386s,38ak,38es,38hk,38is,38lk,38ns,38uk,38xs,391k,39es,39qk,' +
  '39rs,39sk,3a2s,3a8d7264,3bak,3bbd7264,3bck,3bhd7264,3bik,3crs,3csk,3tps,3u1k,3v4s,3vek,3y8s,3y9k,4fhs,4fjk,4g0s,4g1k,4grs,4gtk,4izs,4j2k,4k2s,4k5k,' +
  '4kys,4l3k,4lus,4lwk,4mqs,4msk,4oks,4pjk,4pks,4pok,4pps,4pqk,4qos,4r3k,4vds,4vek,4yos,4z0k,4z4s,4zgk,4zks,4zlk,4zos,4zqk,52os,535k,53cs,53ek,53ys,54wk,' +
  '55js,55ok,55qs,55sk,579s,57jk,57ks,58dk,58fs,58gk,59cs,59jk,59ks,59qk,5c0s,5c5k,5dgs,5dxk,5eis,5fhk,5fks,5fnk,5ghs,5guk,5ies,5isk,5j0s,5j4k,5k4s,5kok,' +
  '5krs,5kwk,5mms,5mok,5ogs,5ook,5ows,5plk,5pps,5pqk,5pus,5pxk,5vks,5wnk,5x8s,5xcd-7583,5xdd-7584,5xfd-7585,5xgd-7586,5xhd-7587,5xid-7588,5xjd-7589,' +
  '5xld-7590,5xnd-7591,5xod-7592,5xpd-7593,5xqd-7594,5xrd-7595,5xsd-7596,5xtd-7597,5xud-7598,5xvd-7599,5xxd-7600,5xyd-7601,5xzd-7602,5y0d-7603,5y1d-7604,' +
  '5y2d-7605,5y3d-7606,5y4d-7607,5y5d-7608,5y7d-7609,5y9d-7610,5ybd-7611,5ycd-7612,5ydd-7613,5yed-7614,5yfd-7615,5ygd-7616,5yhd-7617,5yid-7618,5yjd-7619,' +
  '5yld-7620,5ymd-7621,5ynd-7622,5yod-7621,5ypd-7622,5yqd-7623,5yrd-7624,5ysd-7625,5ytd-7626,5yvd-7627,5ywd-7628,5yxd-7629,5yyd-7630,5yzd-7631,5z0d-7632,' +
  '5z1d-7633,5z3d-7634,5z4d-7635,5z5d-7636,5z6d-7637,5z7d-7638,5z9d-7639,5zad-7640,5zbd-7641,5zcd-7642,5zdd-7643,5zed-7644,5zfd-7645,5zhd-7646,5zid-7647,' +
  '5zjd-7648,5zkd-7649,5zld-7650,5zmd-7651,5znd-7652,5zpd-7653,5zqd-7654,5zrd-7655,5zsd-7654,5ztd-7655,5zud-7656,5zvd-7657,5zwd-7658,5zxd-7659,5zyd-7660,' +
  '5zzd-7661,601d-7662,602d-7663,603d-7664,604d-7665,605d-7666,606d-7667,607d-7668,608d-7669,609d-7670,60bd-7671,60cd-7672,60dd-7673,60ed-7674,60fd-7675,' +
  '60gd-7676,60hd-7677,60jd-7678,60kd-7679,60ld-7680,60md-7681,60nd-7682,60od-7683,60pd-7684,60qd-7685,60rd-7686,60td-7687,60ud-7688,60vd-7689,60xd-7690,' +
  '60yd-7691,60zd-7692,610d-7693,611d-7694,612d-7695,613d-7696,614d-7697,615d-7698,617d-7699,618d-7700,619d-7701,61bd-7702,61dd-7703,61ed-7704,61fd-7705,' +
  '61gd-7706,61hd-7707,61id-7726,61jd-7715,61kd-7713,61ld-7712,61mk,61nd-7720,61ok,61qd-7615,61rk,61sd-7743,61td-7744,61ud-7745,61vd-7746,61wd-7747,' +
  '61xd-7748,61yd-7749,61zd-7750,620d-7751,621d-7752,622d-7753,623d-7754,624d-7755,625d-7756,626d-7757,627d-7758,628d-7759,629d-7760,62ad-7761,62bd-7762,' +
  '62cd-7763,62dd-7764,62ed-7765,62fd-7766,62gd-7763,62hd-7764,62id-7765,62jd-7766,62kd-7767,62ld-7768,62md-7769,62nd-7770,62od-7771,62pd-7772,62qd-7773,' +
  '62rd-7774,62sd-7775,62td-7776,62ud-7777,62vd-7778,62wd-7775,62xd-7776,62yd-7777,62zd-7778,630d-7773,631d-7774,632d-7775,633d-7776,634d-7777,635d-7778,' +
  '636d-7779,637d-7780,638d-7781,639d-7782,63ad-7783,63bd-7784,63cd-7785,63dd-7786,63ed-7787,63fd-7788,63gd-7789,63hd-7790,63id-7791,63jd-7792,63kd-7793,' +
  '63ld-7794,63md-7795,63nd-7796,63od-7791,63pd-7792,63qd-7793,63rd-7794,63sd-7795,63td-7796,63ud-7797,63vd-7798,63wd-7799,63xd-7800,63yd-7801,63zd-7802,' +
  '640d-7803,641d-7804,642d-7801,643d-7802,644d-7803,645d-7804,646d-7805,647d-7806,648d-7807,649d-7808,64ap,64gk,64od-8,64wk,654d-8,65ak,65kd-8,65sk,' +
  '660d-8,668k,66gd-8,66mk,66xd-8,66yk,66zd-8,670k,671d-8,672k,673d-8,674k,67cd-8,67kk,688d-8,68gk,68od-8,68wk,694d-8,69ck,69kd-8,69md-74,69od-9,69ps,' +
  '69qd-7173,69rs,69uk,6a0d-86,6a4d-9,6a5s,6a8k,6agd-8,6aid-100,6akk,6als,6aok,6awd-8,6ayd-112,6b0d-7,6b1s,6b4k,6bcd-128,6bed-126,6bgd-9,6bhs,6bjk,6bks,' +
  '6edk,6eis,6eok,6eys,6f3k,6fes,6fjk,6g0s,6gqk,6hcs,6i9k,6ios,6iqk,6irs,6ivk,6iws,6iyk,6j8s,6j9k,6jas,6jdk,6jis,6jok,6jps,6jqd-7517,6jrs,6jsk,6jts,' +
  '6jud-8383,6jvd-8394,6jwk,6jys,6jzk,6k2d28,6k3k,6kas,6kck,6kgs,6klk,6kqs,6kuk,6kvs,6kwk,6lcd16,6lsk,6mbp,6mdk,6mos,73ok,740s,753k,75ss,763k,78cs,7aik,' +
  '7b4s,7pck,7pds,7smk,7tgs,8jxk,8k0s,8kak,8owd48,8q7k,8rkp,8rmd-10743,8rnd-3814,8rod-10727,8rpk,8rrp,8rxd-10780,8ryd-10749,8rzd-10783,8s0d-10782,8s1k,' +
  '8s2p,8s4k,8s5p,8s7k,8sed-10815,8sgp,8v8k,8v9s,8vfp,8vjs,8vmp,8vok,8vts,8vxk,8vys,8w0k,8z4s,8z5k,8zjs,8zkk,928s,94fk,94gs,94sk,96os,97ek,97fs,99wk,9a8s,' +
  '9g6k,9gws,9h8k,9hcs,9hhk,9hks,9i9k,9iis,9ipk,9ius,9iwk,9j1s,9j4k,9lls,9lpk,9lss,9ltk,9obs,9ock,9sgs,9sik,9sms,9swk,9tss,9usk,9vks,9wfk,9wqs,9xkk,9xss,' +
  '9xtk,9y8s,9z4k,9zes,a0hk,a0ws,a2nk,a2os,a9sk,fcws,feok,wi8s,wjrk,wlas,wlck,wsts,wswk,wu8p,wvik,wvjs,wvzk,ww0p,wwok,wwvs,wwwk,wz4s,wzck,wzks,x07k,x0gs,' +
  'x0ip,x0wk,x0yp,x2ok,x2xp,x31d-35332,x32p,x3ck,x3ds,x3fp,x3hd-42280,x3ik,x3kp,x3ok,x40p,x4ad-42308,x4bk,x6qs,x6rk,x6us,x6vk,x6zs,x70k,x7ns,x7wk,x86s,' +
  'x8ak,x9ws,xa0k,xa8s,xaak,xbos,xc5k,xces,xcgk,xcws,xdek,xdks,xdnk,xeus,xf4k,xfrs,xg4k,xgfs,xggk,xhcs,xhgk,xirs,xjik,xjys,xk0k,xm1s,xmfk,xmrs,xmsk,xn0s,' +
  'xn2k,xngs,xnkk,xo7s,xoak,xobs,xock,xpss,xptk,xpus,xpxk,xpzs,xq1k,xq6s,xq8k,xq9s,xqak,xr2s,xr4k,xrfs,xrmk,xrps,xrrk,xybs,xymk,188wk,1dlqs,1dlrk,1dm1s,' +
  '1dm2k,1dpus,1dqak,1e0us,1e0wk,1e64s,1e66k,1e68s,1e6yk,1e74s,1e7bk,1e7ks,1e8jk,1e8ks,1e93k,1e94s,1e98k,1edbs,1edck,1edds,1edsk,1ee2s,1ee9d32,1eezs,' +
  '1ef5k,1efvs,1eg6k,1ejks,1ejrk,1ejss,1ejzk,1ek9s,1ekgk,1erks,1ernk,1et3s,1etck,1euxs,1evek,1evks,1evwk,1excs,1eymk,1fa7s,1fa8k,1fbks,1fblk,1fcwd40,' +
  '1fe0k,1g7rs,1g7sk,1gdbs,1gdck,1ge7s,1ge8k,1gjls,1gjok,1gjps,1gjrk,1gjws,1gk0k,1gl4s,1gl7k,1glbs,1glck,1glss,1gm1k,1gn3s,1gn4k,1gs9s,1gsgk,1hq8s,1hqbk,' +
  '1hrss,1hsek,1htss,1htvk,1hv4s,1hvmk,1hxcs,1hxfk,1hyfs,1hytk,1hz4s,1hz8k,1i0ws,1i0zk,1i2bs,1i2pk,1i2ts,1i2xk,1j1ns,1j20k,1lrks,1lrok,20k1s,20lbk,20lrs,' +
  '20lvk,2jnks,2juek,2juos,2jvrk,2jvts,2k0uk,2k1ss,2k3qk,2k8ws,2kbbk,2kzls,2kzmk,2l0bs,2l0ck,2l17s,2l18k,2l1xs,2l1yk,2l2ts,2l2uk,2l3js,2l3kk,2l4fs,2l4gk,' +
  '2l55s,2l56k,2l61s,2l62k,2l6rs,2l6sk,2prks,2prmk,2pz4s,2q0ck,2q0gs,2q38k,2q3ks,2q3zk,2q41s,2q4fk,2q4hs,2q4wk,2q4xs,2q5ck,2q6os,2q7jk,2q7ks,2q98k,2q9cs,' +
  '2qajk,2qcms,2qdfk,2qdss,2qezk,2qf4s,2qfdk,2qfks,2qfmk,2qkgs,2qldk,2qlss,2qlyk,2qlzs,2qnxk,2qo0s,2qokk,2qows,2qpxk,2qpys,2qq3k,2qqos,2qr5k,2qrks,2qtbk,' +
  '2qtcs,2qtdk,2qtes,2qygk,2qyhs,2qylk,2qyos,2r0ek,2r0gs,2r0kk,2r0ws,2r1kk,2r5ns,2r7lk,2r7ps,2r80k,2r9cs,2rbak,2rcws,2rg4k,jny9s,jnyak,jnz4s,jo1sk,jo5cs,' +
  'joc0k';
